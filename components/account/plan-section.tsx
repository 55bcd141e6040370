import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { cancelPlanAction, changePlanAction } from "@/app/(site)/account/actions";
import { listPlans, PLANS, type PlanId } from "@/lib/billing/plans";
import type { SubscriptionView } from "@/lib/billing/subscriptions";
import { formatDate, formatPrice } from "@/lib/site/format";

const STATUS: Record<SubscriptionView["status"], string> = {
  active: "Active",
  trialing: "Free trial",
  past_due: "Payment overdue",
  canceled: "Cancelled",
  incomplete: "Awaiting payment",
  unpaid: "Unpaid",
  paused: "Paused",
  none: "No plan",
};

/**
 * The account's plan: what it is, switching to another, cancelling and restarting. The one place the account page
 * talks to billing, so a payment provider (Checkout, Customer Portal, invoices) plugs in here.
 */
export function PlanSection({ subscription, profileCount, suggested }: { subscription: SubscriptionView; profileCount: number; suggested?: PlanId }) {
  const live = subscription.plan && subscription.status !== "canceled" ? PLANS[subscription.plan] : undefined;
  const current = live?.id;
  return (
    <div className="space-y-6">
      <div>
        {live ? (
          <p className="text-lg">
            <strong>{live.name}</strong> · {formatPrice(live)} / {live.interval}{" "}
            <span className="ml-2 rounded bg-white/10 px-2 py-0.5 text-sm">{STATUS[subscription.status]}</span>
          </p>
        ) : (
          <p className="text-lg">{subscription.status === "canceled" ? "Your membership is cancelled." : "You have no plan yet."} Choose one to start watching.</p>
        )}
        {live && subscription.current_period_end && (
          <p className="mt-1 text-sm text-muted">
            {subscription.cancel_at_period_end ? "Ends" : "Renews"} on {formatDate(subscription.current_period_end)}.
          </p>
        )}
      </div>

      <ActionForm action={changePlanAction} label="Change plan">
        <ul className="grid gap-4 sm:grid-cols-3" aria-label="Plans">
          {listPlans().map((plan) => {
            const isCurrent = plan.id === current;
            const verb = !live ? (subscription.status === "canceled" ? "Restart with" : "Choose") : plan.price_cents > live.price_cents ? "Upgrade to" : "Switch to";
            return (
              <li key={plan.id} className={`flex flex-col rounded-lg p-4 ring-1 ${isCurrent || (!current && plan.id === suggested) ? "bg-white/5 ring-2 ring-brand" : "ring-white/15"}`}>
                <h3 className="font-semibold">{plan.name}</h3>
                <p className="text-2xl font-bold">
                  {formatPrice(plan)}
                  <span className="text-sm font-normal text-muted"> / {plan.interval}</span>
                </p>
                <p className="mt-2 flex-1 text-sm text-muted">
                  Up to {plan.max_quality} · {plan.max_streams} {plan.max_streams === 1 ? "screen" : "screens"} at once · {plan.max_profiles} profiles
                </p>
                {live && profileCount > plan.max_profiles && !isCurrent && (
                  <p className="mt-2 text-xs text-warning-soft">You have {profileCount} profiles; this plan allows {plan.max_profiles}. You will not be able to add more.</p>
                )}
                <div className="mt-4">
                  {isCurrent ? (
                    <p className="py-2.5 text-sm font-semibold">Your plan</p>
                  ) : (
                    <SubmitButton name="plan" value={plan.id} variant={plan.id === suggested || !live ? "primary" : "secondary"} className="w-full">
                      {verb} {plan.name}
                    </SubmitButton>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </ActionForm>

      {live && (
        <details className="rounded-lg p-4 ring-1 ring-white/15">
          <summary className="font-semibold">Cancel membership</summary>
          <p className="mt-2 text-sm text-muted">
            Watching stops right away. Your profiles, lists and history are kept, so you can restart at any time.
          </p>
          <ActionForm action={cancelPlanAction} className="mt-4 space-y-4" label="Cancel membership">
            <CheckboxField name="confirm" label="Yes, cancel my membership" />
            <SubmitButton variant="danger" pendingLabel="Cancelling…">
              Cancel membership
            </SubmitButton>
          </ActionForm>
        </details>
      )}
      <p className="text-sm text-muted">
        <Link href="/plans" className="underline underline-offset-4 hover:text-white">
          Compare plans
        </Link>
      </p>
    </div>
  );
}
