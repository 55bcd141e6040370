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
import { CANCEL_REASONS, PLAN_IDS, priceFor, yearlySaving, type BillingInterval, type Plan, type PlanId } from "@/lib/billing/plans";
import type { SubscriptionView } from "@/lib/billing/subscriptions";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import type { Format } from "@/lib/site/format";

export type BillingProviderName = "local" | "stripe";

type T = Awaited<ReturnType<typeof getTranslations<"account.plan">>>;

// Statuses whose plan is over: the member starts again by choosing a plan.
const ENDED = new Set<SubscriptionView["status"]>(["none", "canceled", "incomplete"]);

const rank = (id: PlanId) => PLAN_IDS.indexOf(id);

/** "Coupon WELCOME: 20% off until March 3, 2027." */
function discountText(discount: DiscountView, f: Format, t: T): string {
  const off =
    discount.percent_off !== null
      ? t("percentOff", { percent: discount.percent_off })
      : t("amountOff", { amount: f.price({ price_cents: discount.amount_off_cents ?? 0, currency: discount.currency ?? "usd" }) });
  return discount.ends_at ? t("couponUntil", { code: discount.code, off, date: f.date(discount.ends_at) }) : t("couponForever", { code: discount.code, off });
}

/** The plan's price for `interval` (its monthly price when it is not sold that way). */
const priceOf = (plan: Plan, interval: BillingInterval) => priceFor(plan, interval) ?? priceFor(plan, "month") ?? plan;

/** "Save $30.98 a year (17%)" for a plan whose yearly price saves against twelve months. */
export function savingText(plan: Plan, f: Format, t: T): string | undefined {
  const saving = yearlySaving(plan);
  return saving && t("savesYear", { amount: f.price({ price_cents: saving.cents, currency: plan.currency }), percent: saving.percent });
}

/**
 * Monthly or yearly prices on the plan picker: two links (the page re-renders with `?interval=`), so it works before
 * any script loads. Only shown when some plan is sold yearly.
 */
function IntervalToggle({ plans, interval, query, t }: { plans: Plan[]; interval: BillingInterval; query: Record<string, string | undefined>; t: T }) {
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
    <nav aria-label={t("interval")} className="inline-flex gap-1 rounded-lg p-1 ring-1 ring-white/20">
      {option("month", t("monthly"))}
      {option("year", best > 0 ? t("yearlySave", { percent: best }) : t("yearly"))}
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
  const [f, t] = await Promise.all([getFormat(), getTranslations("account.plan")]);
  const per = (interval: BillingInterval) => t(`per.${interval}`);
  const reasons = [{ value: "", label: t("noReason") }, ...CANCEL_REASONS.map((value) => ({ value, label: t(`reasons.${value}`) }))];
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
                {t("pricePer", { price: f.price({ ...livePrice!, price_cents: discountedPrice(livePrice!.price_cents, subscription.discount) }), per: per(billed) })}{" "}
                <s className="text-muted">{f.price(livePrice!)}</s>
              </>
            ) : (
              t("pricePer", { price: f.price(livePrice!), per: per(billed) })
            )}{" "}
            <span className="ml-2 rounded bg-white/10 px-2 py-0.5 text-sm">{t(`status.${subscription.status}`)}</span>
          </p>
        ) : (
          <p className="text-lg">
            {t(subscription.status === "canceled" ? "cancelled" : subscription.status === "incomplete" ? "incomplete" : "noPlan")}
          </p>
        )}
        {live && periodEnd && subscription.status !== "past_due" && subscription.status !== "unpaid" && subscription.status !== "paused" && (
          <p className="mt-1 text-sm text-muted">
            {t(ending ? "endsOn" : subscription.status === "trialing" ? "trialEnds" : "renews", { date: f.date(periodEnd) })}
          </p>
        )}
      </div>

      {live && subscription.discount && <p className="text-sm text-success-soft">{discountText(subscription.discount, f, t)}</p>}

      <PaymentWarning subscription={subscription} stripe={stripe} t={t} />

      {ending && (
        <div className="rounded-lg bg-white/5 p-4 ring-1 ring-white/15">
          <p className="text-sm">{t("notCharged", { date: f.date(periodEnd!) })}</p>
          <ActionForm action={resumePlanAction} className="mt-3 space-y-3" label={t("resume")}>
            <SubmitButton pendingLabel={t("resuming")}>{t("resume")}</SubmitButton>
          </ActionForm>
        </div>
      )}

      {live && scheduled && !ending && (
        <div className="rounded-lg bg-white/5 p-4 ring-1 ring-white/15">
          <p className="text-sm">
            {t.rich(scheduledInterval !== billed ? "scheduledAt" : "scheduled", {
              strong: (chunks) => <strong>{chunks}</strong>,
              plan: scheduled.name,
              price: f.price(priceOf(scheduled, scheduledInterval)),
              per: per(scheduledInterval),
              date: f.date(subscription.scheduled_change_at!),
              current: live.name,
              currentPrice: f.price(livePrice!),
              currentPer: per(billed),
            })}
          </p>
          <ActionForm action={changePlanAction} className="mt-3 space-y-3" label={t("scheduledChange")}>
            <input type="hidden" name="interval" value={billed} />
            <SubmitButton name="plan" value={live.id} variant="secondary" pendingLabel={t("saving")}>
              {t("keep", { plan: live.name })}
            </SubmitButton>
          </ActionForm>
        </div>
      )}

      <IntervalToggle plans={plans} interval={interval} query={{ plan: suggested, next }} t={t} />

      <ActionForm action={changePlanAction} label={t("changePlan")}>
        <ConfirmStep label={t("confirmChange")} cancelHref="/account#plan" cancelLabel={t("keepCurrent")} />
        {next && <input type="hidden" name="next" value={next} />}
        <input type="hidden" name="interval" value={interval} />
        <Field
          name="coupon"
          label={t("coupon")}
          autoComplete="off"
          maxLength={64}
          className="mb-4 max-w-xs"
          hint={t(stripe && !live ? "couponCheckout" : "couponApplied")}
        />
        <ul className="grid gap-4 sm:grid-cols-3" aria-label={t("plans")}>
          {plans.map((plan) => {
            const price = priceFor(plan, interval);
            if (!price) return null;
            const saving = interval === "year" ? savingText(plan, f, t) : undefined;
            const isCurrent = plan.id === current && interval === billed;
            // Monthly to yearly applies at once; yearly to monthly waits for the year's end (as a downgrade does).
            const upgrade = live && (interval !== billed ? interval === "year" : rank(plan.id) > rank(live.id));
            const verb = !live ? (subscription.status === "canceled" ? "restartWith" : "choose") : upgrade ? "upgradeTo" : "switchTo";
            const note = !live
              ? stripe && t("payAtCheckout")
              : !stripe
                ? undefined
                : upgrade
                  ? t(interval !== billed ? "startsNowYearly" : "startsNow")
                  : periodEnd && t("startsFrom", { date: f.date(periodEnd) });
            return (
              <li key={plan.id} className={`flex flex-col rounded-lg p-4 ring-1 ${isCurrent || (!current && plan.id === suggested) ? "bg-white/5 ring-2 ring-brand" : "ring-white/15"}`}>
                <h3 className="font-semibold">{plan.name}</h3>
                <p className="text-2xl font-bold">
                  {f.price(price)}
                  <span className="text-sm font-normal text-muted"> / {per(interval)}</span>
                </p>
                {saving && <p className="text-sm font-semibold text-success-soft">{saving}</p>}
                <p className="mt-2 flex-1 text-sm text-muted">
                  {t("features", { quality: plan.max_quality, screens: plan.max_streams, profiles: plan.max_profiles })}
                </p>
                {live && profileCount > plan.max_profiles && !isCurrent && (
                  <p className="mt-2 text-xs text-warning-soft">{t("tooManyProfiles", { count: profileCount, limit: plan.max_profiles })}</p>
                )}
                <div className="mt-4">
                  {isCurrent ? (
                    <p className="py-2.5 text-sm font-semibold">{t("yourPlan")}</p>
                  ) : plan.id === scheduled?.id && interval === scheduledInterval ? (
                    <p className="py-2.5 text-sm font-semibold">{t("from", { date: f.date(subscription.scheduled_change_at!) })}</p>
                  ) : (
                    <>
                      <SubmitButton name="plan" value={plan.id} variant={plan.id === suggested || !live ? "primary" : "secondary"} className="w-full">
                        {t(verb, { plan: plan.name })}
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
        <ActionForm action={billingPortalAction} label={t("portalLabel")}>
          <SubmitButton variant="secondary" pendingLabel={t("opening")}>
            {t("portal")}
          </SubmitButton>
        </ActionForm>
      )}

      {live && subscription.status === "active" && !ending && (
        <details className="rounded-lg p-4 ring-1 ring-white/15">
          <summary className="font-semibold">{t("pause")}</summary>
          <p className="mt-2 text-sm text-muted">
            {t("pauseText")}
            {!stripe && t("pauseKept")}
          </p>
          <ActionForm action={pausePlanAction} className="mt-4 max-w-xs space-y-4" label={t("pause")}>
            <SelectField
              name="months"
              label={t("pauseFor")}
              defaultValue="1"
              options={[1, 2, 3].map((months) => ({ value: String(months), label: t("months", { months }) }))}
            />
            <SubmitButton variant="secondary" pendingLabel={t("pausing")}>
              {t("pause")}
            </SubmitButton>
          </ActionForm>
        </details>
      )}

      {live && !ending && (
        <details className="rounded-lg p-4 ring-1 ring-white/15">
          <summary className="font-semibold">{t("cancel")}</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-muted">
            {periodEnd && (
              <li>{t.rich("cancelAtEnd", { strong: (chunks) => <strong className="text-white">{chunks}</strong>, date: f.date(periodEnd) })}</li>
            )}
            <li>{t.rich("cancelNow", { strong: (chunks) => <strong className="text-white">{chunks}</strong> })}</li>
          </ul>
          <p className="mt-2 text-sm text-muted">{t("kept")}</p>
          <ActionForm action={cancelPlanAction} className="mt-4 max-w-md space-y-4" label={t("cancel")}>
            <SelectField
              name="when"
              label={t("when")}
              defaultValue={periodEnd ? "period_end" : "now"}
              options={[
                ...(periodEnd ? [{ value: "period_end", label: t("whenEnd", { date: f.date(periodEnd) }) }] : []),
                { value: "now", label: t("whenNow") },
              ]}
            />
            <SelectField name="reason" label={t("why")} defaultValue="" options={reasons} />
            <TextAreaField name="feedback" label={t("feedback")} maxLength={2000} />
            <CheckboxField name="confirm" label={t("confirmCancel")} />
            <SubmitButton variant="danger" pendingLabel={t("cancelling")}>
              {t("cancel")}
            </SubmitButton>
          </ActionForm>
        </details>
      )}
      <p className="text-sm text-muted">
        <Link href="/plans" className="underline underline-offset-4 hover:text-white">
          {t("compare")}
        </Link>
      </p>
    </div>
  );
}

/** A failed payment: what happens and when, and the way to fix it (the Customer Portal). */
async function PaymentWarning({ subscription, stripe, t }: { subscription: SubscriptionView; stripe: boolean; t: T }) {
  const f = await getFormat();
  const { status } = subscription;
  if (status !== "past_due" && status !== "unpaid" && status !== "paused") return null;
  if (status === "paused" && subscription.paused_until) {
    return (
      <div role="alert" className="rounded-lg bg-white/5 p-4 ring-1 ring-white/25">
        <p className="font-semibold">{t("paused")}</p>
        <p className="mt-1 text-sm">{t("pausedUntil", { date: f.date(subscription.paused_until) })}</p>
        <ActionForm action={resumePlanAction} className="mt-3 space-y-3" label={t("resume")}>
          <SubmitButton pendingLabel={t("resuming")}>{t("resumeNow")}</SubmitButton>
        </ActionForm>
      </div>
    );
  }
  const message =
    status === "past_due"
      ? subscription.has_access && subscription.grace_period_ends_at
        ? t("pastDueGrace", { date: f.date(subscription.grace_period_ends_at) })
        : t("pastDue")
      : status === "unpaid"
        ? t("unpaid")
        : t("pausedHold");
  return (
    <div role="alert" className="rounded-lg bg-danger/15 p-4 ring-1 ring-danger/50">
      <p className="font-semibold text-danger-soft">{t(status === "paused" ? "paused" : "problem")}</p>
      <p className="mt-1 text-sm">{message}</p>
      {stripe && status !== "paused" && (
        <ActionForm action={billingPortalAction} className="mt-3 space-y-3" label={t("updateMethod")}>
          <SubmitButton pendingLabel={t("opening")}>{t("updateMethod")}</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
