import "server-only";
import { describeAccount } from "@/lib/accounts/accounts";
import type { Principal } from "@/lib/accounts/sessions";
import { PLANS, type Plan } from "@/lib/billing/plans";

/** How many profiles the account has and may have, and the plan that decides it (undefined without one). */
export async function profileAllowance(principal: Principal): Promise<{ count: number; limit: number; canAdd: boolean; plan?: Plan }> {
  const account = await describeAccount(principal);
  const { plan, status } = account.subscription;
  return {
    count: account.profile_count,
    limit: account.profile_limit,
    canAdd: account.profile_count < account.profile_limit,
    plan: plan && status !== "canceled" ? PLANS[plan] : undefined,
  };
}
