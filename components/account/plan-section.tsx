import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { ConfirmStep } from "@/components/forms/confirm-step";
import { SubmitButton } from "@/components/forms/submit-button";
import { billingPortalAction, cancelPlanAction, changePlanAction, pausePlanAction, resumePlanAction } from "@/app/(site)/account/actions";
import { Field } from "@/components/forms/field";
import { SelectField } from "@/components/forms/select-field";
import { discountedPrice, type DiscountView } from "@/lib/billing/coupons";
import { TextAreaField } from "@/components/forms/text-area-field";
import { CANCEL_REASON_LABELS, CANCEL_REASONS, PLAN_IDS, priceFor, yearlySaving, type BillingInterval, type Plan, type PlanId } from "@/lib/billing/plans";
import type { SubscriptionView } from "@/lib/billing/subscriptions";
import { getFormat } from "@/lib/i18n/server";
import type { Format } from "@/lib/site/format";

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

const REASONS = [{ value: "", label: "Prefer not to say" }, ...CANCEL_REASONS.map((value) => ({ value, label: CANCEL_REASON_LABELS[value] }))];

/** "Coupon WELCOME: 20% off until March 3, 2027." */
function discountText(discount: DiscountView, f: Format): string {
  const off = discount.percent_off !== null ? `${discount.percent_off}% off` : `${f.price({ price_cents: discount.amount_off_cents ?? 0, currency: discount.currency ?? "usd" })} off`;
  return `Coupon ${discount.code}: ${off} ${discount.ends_at ? `until ${f.date(discount.ends_at)}` : "for as long as you stay"}.`;
}

const PER: Record<BillingInterval, string> = { month: "month", year: "year" };

/** The plan's price for `interval` (its monthly price when it is not sold that way). */
const priceOf = (plan: Plan, interval: BillingInterval) => priceFor(plan, interval) ?? priceFor(plan, "month") ?? plan;

/** "Save $30.98 a year (17%)" for a plan whose yearly price saves against twelve months. */
export function savingText(plan: Plan, f: Format): string | undefined {
  const saving = yearlySaving(plan);
  return saving && `Save ${f.price({ price_cents: saving.cents, currency: plan.currency })} a year (${saving.percent}%)`;
}

/**
 * Monthly or yearly prices on the plan picker: two links (the page re-renders with `?interval=`), so it works before
 * any script loads. Only shown when some plan is sold yearly.
 */
function IntervalToggle({ plans, interval, query }: { plans: Plan[]; interval: BillingInterval; query: Record<string, string | undefined> }) {
  const best = Math.max(0, ...plans.map((plan) => yearlySaving(plan)?.percent ?? 0));
  if (!plans.some((plan) => priceFor(plan, "year"))) return null;
  const href = (value: BillingInterval) => {
    const entries: [string, string | undefined][] = [...Object.entries(query), ["interval", value]];
    const params = new URLSearchParams(entries.filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `/account?${params}#plan`;
  };
  const option = (value: BillingInterval, label: string) => (
    <Link
      href={href(value)}
      aria-current={interval === value ? "true" : undefined}
      scroll={false}
      className={`rounded-md px-3 py-1.5 text-sm font-semibold ${interval === value ? "bg-white text-black" : "text-muted hover:text-white"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Billing interval" className="inline-flex gap-1 rounded-lg p-1 ring-1 ring-white/20">
      {option("month", "Monthly")}
      {option("year", best > 0 ? `Yearly (save up to ${best}%)` : "Yearly")}
    </nav>
  );
}

/**
 * The account's plan: what it is, switching to another (upgrades at once, downgrades at the end of the period with
 * Stripe), cancelling and resuming, and the payment warnings a failed charge brings.
 */
export async function PlanSection({
  subscription,
  plans,
  profileCount,
  suggested,
  provider,
  next,
  interval: shown,
}: {
  subscription: SubscriptionView;
  /** The plans with the prices customers are charged (plansForSale). */
  plans: Plan[];
  profileCount: number;
  suggested?: PlanId;
  provider: BillingProviderName;
  /** During sign-up: the page the new member wanted, kept through the plan and first-profile steps. */
  next?: string;
  /** The billing interval the picker shows (`?interval=`); default: the subscription's own, else monthly. */
  interval?: BillingInterval;
}) {
  const f = await getFormat();
  const stripe = provider === "stripe";
  const live = subscription.plan && !ENDED.has(subscription.status) ? plans.find((plan) => plan.id === subscription.plan) : undefined;
  const current = live?.id;
  const periodEnd = subscription.current_period_end;
  const scheduled = subscription.scheduled_plan && subscription.scheduled_change_at ? plans.find((plan) => plan.id === subscription.scheduled_plan) : undefined;
  const ending = live && subscription.cancel_at_period_end;
  const billed: BillingInterval = subscription.interval ?? "month";
  const interval: BillingInterval = shown ?? (live ? billed : "month");
  const livePrice = live && priceOf(live, billed);
  const scheduledInterval = subscription.scheduled_interval ?? billed;

  return (
    <div className="space-y-6">
      <div>
        {live ? (
          <p className="text-lg">
            <strong>{live.name}</strong> ·{" "}
            {subscription.discount ? (
              <>
                {f.price({ ...livePrice!, price_cents: discountedPrice(livePrice!.price_cents, subscription.discount) })} / {PER[billed]}{" "}
                <s className="text-muted">{f.price(livePrice!)}</s>
              </>
            ) : (
              <>
                {f.price(livePrice!)} / {PER[billed]}
              </>
            )}{" "}
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
              ? `Your membership ends on ${f.date(periodEnd)}.`
              : subscription.status === "trialing"
                ? `Your free trial ends on ${f.date(periodEnd)}; your first payment is taken then.`
                : `Renews on ${f.date(periodEnd)}.`}
          </p>
        )}
      </div>

      {live && subscription.discount && <p className="text-sm text-success-soft">{discountText(subscription.discount, f)}</p>}

      <PaymentWarning subscription={subscription} stripe={stripe} />

      {ending && (
        <div className="rounded-lg bg-white/5 p-4 ring-1 ring-white/15">
          <p className="text-sm">You will not be charged again. Resume to keep watching after {f.date(periodEnd!)}.</p>
          <ActionForm action={resumePlanAction} className="mt-3 space-y-3" label="Resume membership">
            <SubmitButton pendingLabel="Resuming…">Resume membership</SubmitButton>
          </ActionForm>
        </div>
      )}

      {live && scheduled && !ending && (
        <div className="rounded-lg bg-white/5 p-4 ring-1 ring-white/15">
          <p className="text-sm">
            Changing to <strong>{scheduled.name}</strong> ({f.price(priceOf(scheduled, scheduledInterval))} / {PER[scheduledInterval]}) from{" "}
            {f.date(subscription.scheduled_change_at!)}. You keep {live.name}
            {scheduledInterval !== billed && ` at ${f.price(livePrice!)} / ${PER[billed]}`} until then.
          </p>
          <ActionForm action={changePlanAction} className="mt-3 space-y-3" label="Scheduled plan change">
            <input type="hidden" name="interval" value={billed} />
            <SubmitButton name="plan" value={live.id} variant="secondary" pendingLabel="Saving…">
              Keep {live.name}
            </SubmitButton>
          </ActionForm>
        </div>
      )}

      <IntervalToggle plans={plans} interval={interval} query={{ plan: suggested, next }} />

      <ActionForm action={changePlanAction} label="Change plan">
        <ConfirmStep label="Confirm plan change" cancelHref="/account#plan" cancelLabel="Keep my current plan" />
        {next && <input type="hidden" name="next" value={next} />}
        <input type="hidden" name="interval" value={interval} />
        <Field
          name="coupon"
          label="Coupon code (optional)"
          autoComplete="off"
          maxLength={64}
          className="mb-4 max-w-xs"
          hint={stripe && !live ? "You can also enter a promotion code at checkout." : "Applied with the plan you choose below."}
        />
        <ul className="grid gap-4 sm:grid-cols-3" aria-label="Plans">
          {plans.map((plan) => {
            const price = priceFor(plan, interval);
            if (!price) return null;
            const saving = interval === "year" ? savingText(plan, f) : undefined;
            const isCurrent = plan.id === current && interval === billed;
            // Monthly to yearly applies at once; yearly to monthly waits for the year's end (as a downgrade does).
            const upgrade = live && (interval !== billed ? interval === "year" : rank(plan.id) > rank(live.id));
            const verb = !live ? (subscription.status === "canceled" ? "Restart with" : "Choose") : upgrade ? "Upgrade to" : "Switch to";
            const note = !live
              ? stripe && "You'll pay at secure checkout."
              : !stripe
                ? undefined
                : upgrade
                  ? interval !== billed
                    ? "Starts now: a yearly period begins today; what is left of this month is credited."
                    : "Starts now: you'll be charged the prorated difference now."
                  : periodEnd && `Starts from ${f.date(periodEnd)}, when your current period ends.`;
            return (
              <li key={plan.id} className={`flex flex-col rounded-lg p-4 ring-1 ${isCurrent || (!current && plan.id === suggested) ? "bg-white/5 ring-2 ring-brand" : "ring-white/15"}`}>
                <h3 className="font-semibold">{plan.name}</h3>
                <p className="text-2xl font-bold">
                  {f.price(price)}
                  <span className="text-sm font-normal text-muted"> / {PER[interval]}</span>
                </p>
                {saving && <p className="text-sm font-semibold text-success-soft">{saving}</p>}
                <p className="mt-2 flex-1 text-sm text-muted">
                  Up to {plan.max_quality} · {plan.max_streams} {plan.max_streams === 1 ? "screen" : "screens"} at once · {plan.max_profiles} profiles
                </p>
                {live && profileCount > plan.max_profiles && !isCurrent && (
                  <p className="mt-2 text-xs text-warning-soft">You have {profileCount} profiles; this plan allows {plan.max_profiles}. You will not be able to add more.</p>
                )}
                <div className="mt-4">
                  {isCurrent ? (
                    <p className="py-2.5 text-sm font-semibold">Your plan</p>
                  ) : plan.id === scheduled?.id && interval === scheduledInterval ? (
                    <p className="py-2.5 text-sm font-semibold">From {f.date(subscription.scheduled_change_at!)}</p>
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

      {live && subscription.status === "active" && !ending && (
        <details className="rounded-lg p-4 ring-1 ring-white/15">
          <summary className="font-semibold">Pause membership</summary>
          <p className="mt-2 text-sm text-muted">
            Take a break for one to three months. While paused you cannot watch and you are not charged; your membership
            resumes by itself at the end of the pause, and you can resume earlier at any time.
            {!stripe && " The time you have already paid for is kept: your renewal date moves back by the pause."}
          </p>
          <ActionForm action={pausePlanAction} className="mt-4 max-w-xs space-y-4" label="Pause membership">
            <SelectField
              name="months"
              label="Pause for"
              defaultValue="1"
              options={[1, 2, 3].map((months) => ({ value: String(months), label: `${months} ${months === 1 ? "month" : "months"}` }))}
            />
            <SubmitButton variant="secondary" pendingLabel="Pausing…">
              Pause membership
            </SubmitButton>
          </ActionForm>
        </details>
      )}

      {live && !ending && (
        <details className="rounded-lg p-4 ring-1 ring-white/15">
          <summary className="font-semibold">Cancel membership</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-muted">
            {periodEnd && (
              <li>
                <strong className="text-white">At the end of this period.</strong> You keep watching until {f.date(periodEnd)}, the end of
                the period you have paid for; you will not be charged again. You can resume until then.
              </li>
            )}
            <li>
              <strong className="text-white">Now.</strong> Watching stops right away. The rest of the period is not refunded.
            </li>
          </ul>
          <p className="mt-2 text-sm text-muted">Your profiles, lists and history are kept, so you can restart at any time.</p>
          <ActionForm action={cancelPlanAction} className="mt-4 max-w-md space-y-4" label="Cancel membership">
            <SelectField
              name="when"
              label="When should it end?"
              defaultValue={periodEnd ? "period_end" : "now"}
              options={[
                ...(periodEnd ? [{ value: "period_end", label: `At the end of this period (${f.date(periodEnd)})` }] : []),
                { value: "now", label: "Now (no refund)" },
              ]}
            />
            <SelectField name="reason" label="Why are you leaving? (optional)" defaultValue="" options={REASONS} />
            <TextAreaField name="feedback" label="Anything else you want to tell us? (optional)" maxLength={2000} />
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
async function PaymentWarning({ subscription, stripe }: { subscription: SubscriptionView; stripe: boolean }) {
  const f = await getFormat();
  const { status } = subscription;
  if (status !== "past_due" && status !== "unpaid" && status !== "paused") return null;
  if (status === "paused" && subscription.paused_until) {
    return (
      <div role="alert" className="rounded-lg bg-white/5 p-4 ring-1 ring-white/25">
        <p className="font-semibold">Membership paused</p>
        <p className="mt-1 text-sm">
          Watching is on hold and you are not charged until {f.date(subscription.paused_until)}, when your membership resumes by itself.
        </p>
        <ActionForm action={resumePlanAction} className="mt-3 space-y-3" label="Resume membership">
          <SubmitButton pendingLabel="Resuming…">Resume now</SubmitButton>
        </ActionForm>
      </div>
    );
  }
  const message =
    status === "past_due"
      ? subscription.has_access && subscription.grace_period_ends_at
        ? `Your last payment failed. Update your payment method by ${f.date(subscription.grace_period_ends_at)} to keep watching; we will retry the charge.`
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
