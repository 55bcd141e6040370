import { listPlans, type Plan } from "@/lib/billing/plans";

const price = (plan: Plan) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: plan.currency.toUpperCase() }).format(plan.price_cents / 100);

/** The three plans side by side, with what each one allows. */
export function PlanTable() {
  return (
    <ul className="grid gap-4 sm:grid-cols-3" aria-label="Subscription plans">
      {listPlans().map((plan) => (
        <li key={plan.id} className="rounded-xl bg-surface-raised p-6 ring-1 ring-white/10">
          <h3 className="text-lg font-semibold">{plan.name}</h3>
          <p className="mt-2 text-3xl font-bold">
            {price(plan)}
            <span className="text-base font-normal text-muted"> / {plan.interval}</span>
          </p>
          <dl className="mt-4 space-y-2 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-muted">Video quality</dt>
              <dd>up to {plan.max_quality}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-muted">Screens at once</dt>
              <dd>{plan.max_streams}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-muted">Profiles</dt>
              <dd>{plan.max_profiles}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
