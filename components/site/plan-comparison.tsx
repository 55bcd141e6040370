import Link from "next/link";
import { listPlans, priceFor, yearlySaving, type Plan, type PlanId } from "@/lib/billing/plans";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import type { Format } from "@/lib/site/format";

type T = Awaited<ReturnType<typeof getTranslations<"plans">>>;

const rows = (f: Format, t: T): { key: string; label: string; value: (plan: Plan) => string }[] => [
  { key: "monthly", label: t("monthlyPrice"), value: (plan) => f.price(plan) },
  {
    key: "yearly",
    label: t("yearlyPrice"),
    value: (plan) => {
      const year = priceFor(plan, "year");
      const saving = yearlySaving(plan);
      return year ? (saving ? t("yearlySaving", { price: f.price(year), percent: saving.percent }) : f.price(year)) : t("notOffered");
    },
  },
  { key: "quality", label: t("videoQuality"), value: (plan) => t(`quality.${plan.max_quality}`) },
  { key: "screens", label: t("screens"), value: (plan) => String(plan.max_streams) },
  { key: "profiles", label: t("profiles"), value: (plan) => String(plan.max_profiles) },
  { key: "devices", label: t("devices"), value: () => t("yes") },
  { key: "cancel", label: t("cancelAnyTime"), value: () => t("yes") },
];

// Phones get the same table rearranged (every row a 3-column grid, each feature's name on a line of its own above the
// three values) so all three plans are compared at 390 px without scrolling sideways; from `sm` up it is a plain table.
const GRID_ROW = "grid grid-cols-3 sm:table-row";
const WIDE_ONLY = "hidden sm:table-cell";

/**
 * The plans side by side (the same data as GET /api/plans), each with a "Choose" link: to sign-up for visitors, to the
 * account's plan section for members. `plans` carries the prices charged (plansForSale) when the caller has them.
 */
export async function PlanComparison({ signedIn, current, plans = listPlans() }: { signedIn: boolean; current?: PlanId; plans?: Plan[] }) {
  const t = await getTranslations("plans");
  const ROWS = rows(await getFormat(), t);
  const chooseHref = (plan: Plan) => (signedIn ? `/account?plan=${plan.id}#plan` : `/signup?plan=${plan.id}`);
  return (
    <div className="overflow-x-auto">
      <table className="block w-full table-fixed border-collapse text-left text-sm sm:table sm:text-base">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="block sm:table-header-group">
          <tr className={GRID_ROW}>
            <td className={`w-[34%] sm:w-2/5 ${WIDE_ONLY}`} />
            {plans.map((plan) => (
              <th key={plan.id} scope="col" className="block px-1 pb-4 align-bottom sm:table-cell sm:px-3">
                <span className={`block rounded-lg px-1 py-4 text-center text-base font-bold sm:text-lg ${plan.id === "premium" ? "bg-gradient-to-br from-brand to-purple-800" : "bg-gradient-to-br from-neutral-600 to-neutral-800"}`}>
                  {plan.name}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block sm:table-row-group">
          {ROWS.filter((row) => row.key !== "yearly" || plans.some((plan) => priceFor(plan, "year"))).map((row) => (
            <tr key={row.key} className={`border-t border-white/10 ${GRID_ROW}`}>
              <th scope="row" className="col-span-3 block pt-3 text-center font-normal text-neutral-300 sm:table-cell sm:py-3 sm:pr-3 sm:text-left">
                {row.label}
              </th>
              {plans.map((plan) => (
                <td key={plan.id} className="block px-1 pb-3 pt-1 text-center font-semibold sm:table-cell sm:px-3 sm:py-3">
                  {row.value(plan)}
                </td>
              ))}
            </tr>
          ))}
          <tr className={`border-t border-white/10 ${GRID_ROW}`}>
            <td className={WIDE_ONLY} />
            {plans.map((plan) => (
              <td key={plan.id} className="block px-1 pt-5 text-center sm:table-cell sm:px-3">
                {plan.id === current ? (
                  <span className="inline-block py-2.5 text-sm font-semibold">{t("yourPlan")}</span>
                ) : (
                  <Link href={chooseHref(plan)} className="inline-block w-full rounded-md bg-brand px-2 py-2.5 text-sm font-semibold text-white hover:bg-brand-strong">
                    {/* "Choose" alone fits a phone's column; the plan's name stays in the link's name. */}
                    {t("choose")}<span className="sr-only sm:not-sr-only"> {plan.name}</span>
                  </Link>
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
