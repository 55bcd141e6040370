import type { Metadata } from "next";
import { PlanComparison } from "@/components/site/plan-comparison";
import { getSubscription } from "@/lib/billing/subscriptions";
import { currentPrincipal } from "@/lib/site/session";

export const metadata: Metadata = { title: "Plans" };

export default async function PlansPage() {
  const principal = await currentPrincipal();
  const subscription = principal ? await getSubscription(principal.accountId) : undefined;
  const current = subscription?.status !== "canceled" ? (subscription?.plan ?? undefined) : undefined;
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:py-14">
      <h1 className="text-3xl font-semibold sm:text-4xl">Choose the plan that&apos;s right for you</h1>
      <p className="mb-10 mt-2 text-muted">Change or cancel your plan at any time. Every plan includes the whole catalog.</p>
      <PlanComparison signedIn={!!principal} current={current} />
    </div>
  );
}
