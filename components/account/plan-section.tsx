import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { billingPortalAction, cancelPlanAction, changePlanAction, resumePlanAction } from "@/app/(site)/account/actions";
import { PLAN_IDS, type Plan, type PlanId } from "@/lib/billing/plans";
import type { SubscriptionView } from "@/lib/billing/subscriptions";
import { formatDate, formatPrice } from "@/lib/site/format";

export type BillingProviderName = "local" | "stripe";

const STATUS: Record<SubscriptionView["status"], string> = {
  active: "Active",
  trialing: "Free trial",
  past_due: "Payment overdue",
  canceled: "Cancelled",
  incomplete: "Awaiting payment",
  unpaid: "On hold: unpaid",
  paused: "Paused",
  none: "No plan",
};

// Statuses whose plan is over: the member starts again by choosing a plan.
const ENDED = new Set<SubscriptionView["status"]>(["none", "canceled", "incomplete"]);

const rank = (id: PlanId) => PLAN_IDS.indexOf(id);

/**
 * The account's plan: what it is, switching to another (upgrades at once, downgrades at the end of the period with
 * Stripe), cancelling and resuming, and the payment warnings a failed charge brings.
 */
export function PlanSection({
  subscription,
  plans,
  profileCount,
  suggested,
  provider,
  next,
}: {
  subscription: SubscriptionView;
  /** The plans with the prices customers are charged (plansForSale). */
  plans: Plan[];
  profileCount: number;
  suggested?: PlanId;
  provider: BillingProviderName;
  /** During sign-up: the page the new member wanted, kept through the plan and first-profile steps. */
  next?: string;
}) {
  const stripe = provider === "stripe";
  const live = subscription.plan && !ENDED.has(subscription.status) ? plans.find((plan) => plan.id === subscription.plan) : undefined;
  const current = live?.id;
  const periodEnd = subscription.current_period_end;
  const scheduled = subscription.scheduled_plan && subscription.scheduled_change_at ? plans.find((plan) => plan.id === subscription.scheduled_plan) : undefined;
  const ending = live && subscription.cancel_at_period_end;

  return (
    <div className="space-y-6">
      <div>
        {live ? (
          <p className="text-lg">
            <strong>{live.name}</strong> · {formatPrice(live)} / {live.interval}{" "}
            <span className="ml-2 rounded bg-white/10 px-2 py-0.5 text-sm">{STATUS[subscription.status]}</span>
          </p>
        ) : (
          <p className="text-lg">
            {subscription.status === "canceled"
              ? "Your membership is cancelled."
              : subscription.status === "incomplete"
                ? "Your last checkout was not completed."
                : "You have no plan yet."}{" "}
            Choose one to start watching.
          </p>
        )}
        {live && periodEnd && subscription.status !== "past_due" && subscription.status !== "unpaid" && subscription.status !== "paused" && (
          <p className="mt-1 text-sm text-muted">
            {ending
              ? `Your membership ends on ${formatDate(periodEnd)}.`
              : subscription.status === "trialing"
                ? `Your free trial ends on ${formatDate(periodEnd)}; your first payment is taken then.`
                : `Renews on ${formatDate(periodEnd)}.`}
          </p>
        )}
      </div>

      <PaymentWarning subscription={subscription} stripe={stripe} />

      {ending && (
        <div className="rounded-lg bg-white/5 p-4 ring-1 ring-white/15">
          <p className="text-sm">You will not be charged again. Resume to keep watching after {formatDate(periodEnd!)}.</p>
          <ActionForm action={resumePlanAction} className="mt-3 space-y-3" label="Resume membership">
            <SubmitButton pendingLabel="Resuming…">Resume membership</SubmitButton>
          </ActionForm>
        </div>
      )}

      {live && scheduled && !ending && (
        <div className="rounded-lg bg-white/5 p-4 ring-1 ring-white/15">
          <p className="text-sm">
            Changing to <strong>{scheduled.name}</strong> ({formatPrice(scheduled)} / {scheduled.interval}) from {formatDate(subscription.scheduled_change_at!)}.
            You keep {live.name} until then.
          </p>
          <ActionForm action={changePlanAction} className="mt-3 space-y-3" label="Scheduled plan change">
            <SubmitButton name="plan" value={live.id} variant="secondary" pendingLabel="Saving…">
              Keep {live.name}
            </SubmitButton>
          </ActionForm>
        </div>
      )}

      <ActionForm action={changePlanAction} label="Change plan">
        {next && <input type="hidden" name="next" value={next} />}
        <ul className="grid gap-4 sm:grid-cols-3" aria-label="Plans">
          {plans.map((plan) => {
            const isCurrent = plan.id === current;
            const upgrade = live && rank(plan.id) > rank(live.id);
            const verb = !live ? (subscription.status === "canceled" ? "Restart with" : "Choose") : upgrade ? "Upgrade to" : "Switch to";
            const note = !live
              ? stripe && "You'll pay at secure checkout."
              : !stripe
                ? undefined
                : upgrade
                  ? "Starts now: you'll be charged the prorated difference now."
                  : periodEnd && `Starts from ${formatDate(periodEnd)}, when your current period ends.`;
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
                  ) : plan.id === scheduled?.id ? (
                    <p className="py-2.5 text-sm font-semibold">From {formatDate(subscription.scheduled_change_at!)}</p>
                  ) : (
                    <>
                      <SubmitButton name="plan" value={plan.id} variant={plan.id === suggested || !live ? "primary" : "secondary"} className="w-full">
                        {verb} {plan.name}
                      </SubmitButton>
                      {note && <p className="mt-2 text-xs text-muted">{note}</p>}
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </ActionForm>

      {/* Nothing to manage before a first Checkout. */}
      {stripe && subscription.status !== "none" && (
        <ActionForm action={billingPortalAction} label="Payment methods and invoices">
          <SubmitButton variant="secondary" pendingLabel="Opening…">
            Manage payment methods &amp; invoices
          </SubmitButton>
        </ActionForm>
      )}

      {live && !ending && (
        <details className="rounded-lg p-4 ring-1 ring-white/15">
          <summary className="font-semibold">Cancel membership</summary>
          <p className="mt-2 text-sm text-muted">
            {stripe && periodEnd
              ? `You keep watching until ${formatDate(periodEnd)}, the end of the period you have paid for; you will not be charged again.`
              : "Watching stops right away."}{" "}
            Your profiles, lists and history are kept, so you can restart at any time.
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

/** A failed payment: what happens and when, and the way to fix it (the Customer Portal). */
function PaymentWarning({ subscription, stripe }: { subscription: SubscriptionView; stripe: boolean }) {
  const { status } = subscription;
  if (status !== "past_due" && status !== "unpaid" && status !== "paused") return null;
  const message =
    status === "past_due"
      ? subscription.has_access && subscription.grace_period_ends_at
        ? `Your last payment failed. Update your payment method by ${formatDate(subscription.grace_period_ends_at)} to keep watching; we will retry the charge.`
        : "Your last payment failed and watching is on hold. Update your payment method to continue."
      : status === "unpaid"
        ? "Your membership is on hold because payments failed. Update your payment method, then choose a plan to continue."
        : "Your membership is paused: watching is on hold until it resumes.";
  return (
    <div role="alert" className="rounded-lg bg-danger/15 p-4 ring-1 ring-danger/50">
      <p className="font-semibold text-danger-soft">{status === "paused" ? "Membership paused" : "Payment problem"}</p>
      <p className="mt-1 text-sm">{message}</p>
      {stripe && status !== "paused" && (
        <ActionForm action={billingPortalAction} className="mt-3 space-y-3" label="Update payment method">
          <SubmitButton pendingLabel="Opening…">Update payment method</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
