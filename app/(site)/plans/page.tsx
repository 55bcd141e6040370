import type { Metadata } from "next";
import { PlanComparison } from "@/components/site/plan-comparison";
import { getSubscription, plansForSale } from "@/lib/billing";
import { currentPrincipal } from "@/lib/site/session";

export const metadata: Metadata = { title: "Plans" };

type Props = { searchParams: Promise<{ billing?: string }> };

export default async function PlansPage({ searchParams }: Props) {
  const { billing } = await searchParams;
  const principal = await currentPrincipal();
  const [subscription, plans] = await Promise.all([principal ? getSubscription(principal.accountId) : undefined, plansForSale()]);
  const current = subscription && subscription.has_access && subscription.status !== "canceled" ? (subscription.plan ?? undefined) : undefined;
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:py-14">
      {billing === "canceled" && (
        <p role="status" className="mb-8 rounded-lg bg-white/5 p-4 ring-1 ring-white/20">
          Checkout was cancelled and you were not charged. Choose a plan whenever you are ready.
        </p>
      )}
      <h1 className="text-3xl font-semibold sm:text-4xl">Choose the plan that&apos;s right for you</h1>
      <p className="mb-10 mt-2 text-muted">Change or cancel your plan at any time. Every plan includes the whole catalog.</p>
      <PlanComparison signedIn={!!principal} current={current} plans={plans} />
    </div>
  );
}
