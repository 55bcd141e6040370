import type { Metadata } from "next";
import { PlanComparison } from "@/components/site/plan-comparison";
import { getSubscription, plansForSale } from "@/lib/billing";
import { getTranslations } from "next-intl/server";
import { currentPrincipal } from "@/lib/site/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plans"))("title") };
}

type Props = { searchParams: Promise<{ billing?: string }> };

export default async function PlansPage({ searchParams }: Props) {
  const { billing } = await searchParams;
  const t = await getTranslations("plans");
  const principal = await currentPrincipal();
  const [subscription, plans] = await Promise.all([principal ? getSubscription(principal.accountId) : undefined, plansForSale()]);
  const current = subscription && subscription.has_access && subscription.status !== "canceled" ? (subscription.plan ?? undefined) : undefined;
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:py-14">
      {billing === "canceled" && (
        <p role="status" className="mb-8 rounded-lg bg-white/5 p-4 ring-1 ring-white/20">
          {t("checkoutCancelled")}
        </p>
      )}
      <h1 className="text-3xl font-semibold sm:text-4xl">{t("heading")}</h1>
      <p className="mb-10 mt-2 text-muted">{t("lead")}</p>
      <PlanComparison signedIn={!!principal} current={current} plans={plans} />
    </div>
  );
}
