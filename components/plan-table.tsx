import { getTranslations } from "next-intl/server";
import { listPlans } from "@/lib/billing/plans";
import { getFormat } from "@/lib/i18n/server";

/** The three plans side by side, with what each one allows. */
export async function PlanTable() {
  const [f, t] = await Promise.all([getFormat(), getTranslations("plans")]);
  return (
    <ul className="grid gap-4 sm:grid-cols-3" aria-label={t("list")}>
      {listPlans().map((plan) => (
        <li key={plan.id} className="rounded-xl bg-surface-raised p-6 ring-1 ring-white/10">
          <h3 className="text-lg font-semibold">{plan.name}</h3>
          <p className="mt-2 text-3xl font-bold">
            {f.price(plan)}
            <span className="text-base font-normal text-muted"> / {t(`per.${plan.interval}`)}</span>
          </p>
          <dl className="mt-4 space-y-2 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-muted">{t("videoQuality")}</dt>
              <dd>{t("upTo", { quality: plan.max_quality })}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-muted">{t("screensAtOnce")}</dt>
              <dd>{plan.max_streams}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-muted">{t("profiles")}</dt>
              <dd>{plan.max_profiles}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
