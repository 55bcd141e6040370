import Link from "next/link";
import { listPlans, type Plan, type PlanId } from "@/lib/billing/plans";
import { formatPrice } from "@/lib/site/format";

const QUALITY: Record<Plan["max_quality"], string> = { "480p": "Good (480p)", "1080p": "Great (1080p HD)", "2160p": "Best (4K Ultra HD)" };

const ROWS: { label: string; value: (plan: Plan) => string }[] = [
  { label: "Monthly price", value: (plan) => formatPrice(plan) },
  { label: "Video quality", value: (plan) => QUALITY[plan.max_quality] },
  { label: "Screens you can watch on at once", value: (plan) => String(plan.max_streams) },
  { label: "Profiles", value: (plan) => String(plan.max_profiles) },
  { label: "Phone, tablet, computer and TV", value: () => "Yes" },
  { label: "Cancel at any time", value: () => "Yes" },
];

/**
 * The plans side by side (the same data as GET /api/plans), each with a "Choose" link: to sign-up for visitors, to the
 * account's plan section for members. `plans` carries the prices charged (plansForSale) when the caller has them.
 */
export function PlanComparison({ signedIn, current, plans = listPlans() }: { signedIn: boolean; current?: PlanId; plans?: Plan[] }) {
  const chooseHref = (plan: Plan) => (signedIn ? `/account?plan=${plan.id}#plan` : `/signup?plan=${plan.id}`);
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed border-collapse text-left text-sm sm:text-base">
        <caption className="sr-only">Plans compared</caption>
        <thead>
          <tr>
            <td className="w-[34%] sm:w-2/5" />
            {plans.map((plan) => (
              <th key={plan.id} scope="col" className="px-1 pb-4 align-bottom sm:px-3">
                <span className={`block rounded-lg px-1 py-4 text-center text-base font-bold sm:text-lg ${plan.id === "premium" ? "bg-gradient-to-br from-brand to-purple-800" : "bg-gradient-to-br from-neutral-600 to-neutral-800"}`}>
                  {plan.name}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.label} className="border-t border-white/10">
              <th scope="row" className="py-3 pr-3 font-normal text-neutral-300">
                {row.label}
              </th>
              {plans.map((plan) => (
                <td key={plan.id} className="px-1 py-3 text-center font-semibold sm:px-3">
                  {row.value(plan)}
                </td>
              ))}
            </tr>
          ))}
          <tr className="border-t border-white/10">
            <td />
            {plans.map((plan) => (
              <td key={plan.id} className="px-1 pt-5 text-center sm:px-3">
                {plan.id === current ? (
                  <span className="inline-block py-2.5 text-sm font-semibold">Your plan</span>
                ) : (
                  <Link href={chooseHref(plan)} className="inline-block w-full rounded-md bg-brand px-2 py-2.5 text-sm font-semibold text-white hover:bg-brand-strong">
                    Choose {plan.name}
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
