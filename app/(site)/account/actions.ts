"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteAccount } from "@/lib/accounts/account-data";
import { assertCurrentPassword, changeEmail, changePassword, updatePersonalDetails } from "@/lib/accounts/accounts";
import { mailEmailChange } from "@/lib/accounts/email-verification";
import { billingAddressInput, setBillingAddress } from "@/lib/billing/billing-address";
import { addPaymentMethod, removePaymentMethod, setDefaultPaymentMethod } from "@/lib/billing/payment-methods";
import { displayName, phoneNumber } from "@/lib/accounts/phone";
import { signOutDevice, signOutOtherDevices } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { userMessage } from "@/lib/i18n/errors";
import {
  billingProvider,
  CANCEL_REASONS,
  cancelSubscriptionWith,
  changePlan,
  getSubscription,
  INTERVALS,
  openCustomerPortal,
  PLAN_IDS,
  PLANS,
  type BillingInterval,
  type PlanId,
  pauseSubscription,
  previewPlanChange,
  resumeSubscriptionNow,
  startCheckout,
  type ChangePreview,
  type SubscriptionView,
} from "@/lib/billing";
import { appUrl } from "@/lib/env";
import { emailField, newPasswordTwice, passwordsMatch } from "@/lib/site/account-fields";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import type { Format } from "@/lib/site/format";
import { afterPlanChosen, rememberNext, safeNext } from "@/lib/site/onboarding";
import { clientDevice, clientIp } from "@/lib/site/client-ip";
import { signOut } from "@/lib/site/auth";
import { validatedAccountAction, type Confirmation, type FormState } from "@/lib/site/form-action";
import { checkbox } from "@/lib/site/profile-fields";

// The account page's forms: the same services as PUT /api/accounts/{email,password,subscription} and the sessions API.

const emailForm = z.object({ email: emailField, current_password: z.string().min(1, "Enter your current password.") });

/** A new address, after the current password; the new address gets a confirmation link and the old one a notice. */
export const changeEmailAction = validatedAccountAction(emailForm, async ({ email, current_password }, principal) => {
  let change;
  try {
    await assertCurrentPassword(principal, current_password, await clientIp());
    change = await changeEmail(principal, email, await clientDevice());
  } catch (error) {
    if (error instanceof ApiError && error.code === "email_taken") return { fieldErrors: { email: [await userMessage(error)] } };
    if (error instanceof ApiError && error.code === "current_password_incorrect") return { fieldErrors: { current_password: [await userMessage(error)] } };
    throw error;
  }
  const locale = await getLocale();
  if (change) after(() => mailEmailChange(change, locale));
  revalidatePath("/account");
  return { success: (await getTranslations("accountActions"))(change ? "emailChanged" : "emailSame", { email }) };
});

const passwordForm = z
  .object({ current_password: z.string().min(1, "Enter your current password."), ...newPasswordTwice })
  .refine(...passwordsMatch);

/** A new password, after the current one; every other device and API token is signed out. */
export const changePasswordAction = validatedAccountAction(passwordForm, async (form, principal) => {
  try {
    await assertCurrentPassword(principal, form.current_password, await clientIp());
  } catch (error) {
    if (error instanceof ApiError) return { fieldErrors: { current_password: [await userMessage(error)] } };
    throw error;
  }
  const { signed_out_sessions: others } = await changePassword(principal, form.new_password, await clientDevice());
  revalidatePath("/account");
  const t = await getTranslations("accountActions");
  return { success: others ? t("othersSignedOut", { count: others }) : t("passwordChanged") };
});

/** Deletes the account and everything stored about it (a paid plan is cancelled first), after the password; signs out. */
export const deleteAccountAction = validatedAccountAction(
  z.object({ password: z.string().min(1, "Enter your password.").max(1024), confirm: checkbox.refine(Boolean, "Tick the box to confirm.") }),
  async ({ password }, principal) => {
    try {
      await assertCurrentPassword(principal, password, await clientIp());
    } catch (error) {
      if (error instanceof ApiError) return { fieldErrors: { password: [await userMessage(error)] } };
      throw error;
    }
    await deleteAccount(principal.accountId);
    await signOut({ redirectTo: "/" });
  },
);

/** Statuses with nothing left to change at the provider: choosing a plan starts a new subscription (Checkout). */
const FRESH_START = new Set<SubscriptionView["status"]>(["none", "canceled", "incomplete"]);

/** Our own pages are redirected to by path (APP_URL may name a proxy in front of this server); others as given. */
const redirectTarget = (url: string) => (url.startsWith(`${appUrl}/`) ? url.slice(appUrl.length) : url);

/**
 * Choosing a plan. With Stripe, a first (or new) subscription goes through Checkout; an upgrade is charged the prorated
 * difference at once; a downgrade starts at the end of the period; choosing the current plan keeps it (undoing a
 * scheduled downgrade or a cancellation). Locally every change applies at once, free.
 */
const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const couponField = z.preprocess(emptyAsUndefined, z.string().trim().max(64, "That is not a coupon code.").optional());

/** The change a member confirms: sent back by the confirm button as one value, so what was shown is what is done. */
const confirmedChange = z.tuple([z.enum(PLAN_IDS), z.enum(INTERVALS), z.string().max(64).nullable()]);

const planForm = z
  .object({
    plan: z.enum(PLAN_IDS, "Choose a plan.").optional(),
    interval: z.enum(INTERVALS).optional(),
    coupon: couponField,
    next: z.string().max(2000).optional(),
    confirm: z.string().max(200).optional(),
  })
  .transform((form, context) => {
    if (form.confirm === undefined) {
      if (!form.plan) context.addIssue({ code: "custom", path: ["plan"], message: "Choose a plan." });
      return { ...form, plan: form.plan!, confirmed: false };
    }
    let parsed: z.infer<typeof confirmedChange>;
    try {
      parsed = confirmedChange.parse(JSON.parse(form.confirm));
    } catch {
      context.addIssue({ code: "custom", path: ["plan"], message: "Choose a plan." });
      return z.NEVER;
    }
    const [plan, interval, coupon] = parsed;
    return { ...form, plan, interval, coupon: coupon ?? undefined, confirmed: true };
  });

export const changePlanAction = validatedAccountAction(planForm, async (form, principal) => {
  try {
    return await choosePlan(form, principal.accountId);
  } catch (error) {
    if (error instanceof ApiError && error.code === "coupon_invalid") return { fieldErrors: { coupon: [await userMessage(error)] } };
    throw error;
  }
});

async function choosePlan({ plan, interval, coupon, next: wanted, confirmed }: z.output<typeof planForm>, accountId: string): Promise<FormState> {
  const stripe = billingProvider().name === "stripe";
  const before = await getSubscription(accountId);
  const next = safeNext(wanted);
  const running = before.plan && !FRESH_START.has(before.status);
  // A change to a running plan is shown with what it will charge first; keeping the plan you have needs no confirming.
  if (running && !confirmed && !(before.plan === plan && before.interval === (interval ?? before.interval))) {
    return { confirm: confirmationOf(await previewPlanChange(accountId, plan, interval, coupon), before, coupon, stripe, await getFormat(), await getTranslations("accountActions")) };
  }
  let target: string;
  if (stripe && FRESH_START.has(before.status)) {
    // Checkout returns to a fixed URL (app/billing/checkout/complete): the onboarding's next step is kept meanwhile.
    await rememberNext(next);
    target = await startCheckout(accountId, plan, interval, coupon);
  } else {
    let after: SubscriptionView;
    try {
      after = await changePlan(accountId, plan, interval, coupon);
    } catch (error) {
      // No card on file for a returning member: pay at Checkout. (redirect() throws, outside this catch.)
      if (!(error instanceof ApiError && error.code === "payment_method_required")) throw error;
      target = String((error.details as { checkout_url: string }).checkout_url);
      redirect(redirectTarget(target));
    }
    revalidatePath("/", "layout");
    // A new member goes straight on to their first profile (and then to what they wanted).
    const onward = after.has_access && before.status === "none" ? await afterPlanChosen(accountId, next) : undefined;
    if (onward) redirect(onward);
    const t = await getTranslations("accountActions");
    const discount = coupon && after.discount ? t("couponApplied", { code: after.discount.code }) : "";
    return { success: planChangeMessage(before, after, plan, interval ?? after.interval ?? "month", stripe, await getFormat(), t) + discount };
  }
  redirect(redirectTarget(target));
}

type T = Awaited<ReturnType<typeof getTranslations<"accountActions">>>;

/** What the member confirms before a plan change: the charge now, line by line, and what follows. */
function confirmationOf(preview: ChangePreview, before: SubscriptionView, coupon: string | undefined, stripe: boolean, f: Format, t: T): Confirmation {
  const money = (cents: number) => f.price({ price_cents: cents, currency: preview.currency });
  const name = t("billed", { plan: PLANS[preview.plan].name, interval: preview.interval });
  const rows: Confirmation["rows"] = preview.lines.map((line) => ({ label: line.description, value: money(line.amount_cents) }));
  if (preview.discount_cents) rows.push({ label: coupon ? t("coupon", { code: coupon.toUpperCase() }) : t("discount"), value: money(-preview.discount_cents) });
  rows.push({ label: t("dueToday"), value: money(preview.amount_due_now_cents), total: true });
  const notes: string[] = [];
  if (preview.applies === "period_end") {
    notes.push(t("nothingToday", { current: PLANS[before.plan!].name, date: f.date(preview.effective_at), plan: PLANS[preview.plan].name }));
  } else if (preview.subtotal_cents < 0) {
    notes.push(t("credit", { plan: PLANS[preview.plan].name }));
  }
  if (preview.next_charge) notes.push(t("then", { amount: money(preview.next_charge.amount_cents), interval: preview.interval, date: f.date(preview.next_charge.at) }));
  if (!stripe) notes.push(t("noPayments"));
  return {
    title: t("changeTo", { name }),
    rows,
    notes,
    value: JSON.stringify([preview.plan, preview.interval, coupon ?? null]),
    button: stripe && preview.amount_due_now_cents > 0 ? t("confirmPay", { amount: money(preview.amount_due_now_cents) }) : t("confirm"),
  };
}

function planChangeMessage(before: SubscriptionView, after: SubscriptionView, plan: PlanId, interval: BillingInterval, stripe: boolean, f: Format, t: T): string {
  const name = PLANS[plan].name;
  const yearly = interval === "year";
  if (!stripe || FRESH_START.has(before.status) || !before.plan) return t(yearly ? "onPlanYearly" : "onPlan", { plan: name });
  if (before.plan === plan && before.interval === interval) return t("staying", { plan: name });
  if (after.scheduled_change_at && after.scheduled_interval !== after.interval && after.scheduled_interval === interval) {
    return t("monthlyFrom", { plan: name, date: f.date(after.scheduled_change_at) });
  }
  if (after.scheduled_plan === plan && after.scheduled_change_at) {
    return t("changesTo", { plan: name, date: f.date(after.scheduled_change_at), current: PLANS[before.plan].name });
  }
  return t(yearly ? "proratedYearly" : "prorated", { plan: name });
}

/** Cancels at the end of the period (the default) or now, with an optional reason and feedback (POST …/cancel). */
export const cancelPlanAction = validatedAccountAction(
  z.object({
    confirm: checkbox.refine((value) => value, "Tick the box to confirm."),
    when: z.enum(["period_end", "now"]).default("period_end"),
    reason: z.preprocess(emptyAsUndefined, z.enum(CANCEL_REASONS).optional()),
    feedback: z.preprocess(emptyAsUndefined, z.string().trim().max(2000, "Keep it under 2,000 characters.").optional()),
  }),
  async ({ when, reason, feedback }, principal) => {
    const after = await cancelSubscriptionWith(principal.accountId, { atPeriodEnd: when === "period_end", reason, feedback });
    revalidatePath("/", "layout");
    const t = await getTranslations("accountActions");
    if (after.cancel_at_period_end && after.current_period_end) return { success: t("endsOn", { date: (await getFormat()).date(after.current_period_end) }) };
    return { success: t("cancelled") };
  },
);

/** Undoes a cancellation at period end, or ends a pause early. */
export const resumePlanAction = validatedAccountAction(z.object({}), async (_form, principal) => {
  const after = await resumeSubscriptionNow(principal.accountId);
  revalidatePath("/", "layout");
  const t = await getTranslations("accountActions");
  if (after.cancel_at_period_end || after.paused_until) return { error: t("notResumed") };
  return { success: after.current_period_end ? t("continuesRenews", { date: (await getFormat()).date(after.current_period_end) }) : t("continues") };
});

/** Pauses for 1–3 months (POST …/pause). */
export const pausePlanAction = validatedAccountAction(z.object({ months: z.coerce.number().int().min(1).max(3) }), async ({ months }, principal) => {
  const after = await pauseSubscription(principal.accountId, months);
  revalidatePath("/", "layout");
  return { success: (await getTranslations("accountActions"))("paused", { date: (await getFormat()).date(after.paused_until!) }) };
});

/** PUT /api/accounts/billing-address (empty optional lines are left out). */
export const billingAddressAction = validatedAccountAction(billingAddressInput.strip(), async (address, principal) => {
  await setBillingAddress(principal, address);
  revalidatePath("/account");
  return { success: (await getTranslations("accountActions"))("addressSaved") };
});

/** DELETE /api/accounts/billing-address. */
export const removeBillingAddressAction = validatedAccountAction(z.object({}), async (_form, principal) => {
  await setBillingAddress(principal, null);
  revalidatePath("/account");
  return { success: (await getTranslations("accountActions"))("addressRemoved") };
});

/** Checkout in setup mode, to save a card (POST /api/accounts/payment-methods). */
export const addCardAction = validatedAccountAction(z.object({}), async (_form, principal) => {
  redirect((await addPaymentMethod(principal)).url);
});

const cardForm = z.object({ id: z.string().min(1).max(255) });

/** The card invoices are charged to (PUT /api/accounts/payment-methods/{id}/default). */
export const defaultCardAction = validatedAccountAction(cardForm, async ({ id }, principal) => {
  await setDefaultPaymentMethod(principal, id);
  revalidatePath("/account");
  return { success: (await getTranslations("accountActions"))("cardDefault") };
});

/** DELETE /api/accounts/payment-methods/{id}. */
export const removeCardAction = validatedAccountAction(cardForm, async ({ id }, principal) => {
  await removePaymentMethod(principal, id);
  revalidatePath("/account");
  return { success: (await getTranslations("accountActions"))("cardRemoved") };
});

/** The Stripe Customer Portal: payment methods and invoices. */
export const billingPortalAction = validatedAccountAction(z.object({}), async (_form, principal) => {
  redirect(await openCustomerPortal(principal.accountId));
});

export const signOutDeviceAction = validatedAccountAction(z.object({ session_id: z.uuid() }), async ({ session_id }, principal) => {
  const t = await getTranslations("accountActions");
  if (session_id === principal.sessionId) return { error: t("thisBrowser") };
  await signOutDevice(principal, session_id);
  revalidatePath("/account");
  return { success: t("deviceSignedOut") };
});

export const signOutOthersAction = validatedAccountAction(z.object({}), async (_form, principal) => {
  const count = await signOutOtherDevices(principal);
  revalidatePath("/account");
  const t = await getTranslations("accountActions");
  return { success: count ? t("othersOut", { count }) : t("noOthers") };
});

const emptyAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

export const personalDetailsAction = validatedAccountAction(
  z.object({ display_name: z.preprocess(emptyAsNull, displayName.nullable()), phone: z.preprocess(emptyAsNull, phoneNumber.nullable()) }),
  async (details, principal) => {
    await updatePersonalDetails(principal, details);
    revalidatePath("/account");
    return { success: (await getTranslations("accountActions"))("detailsSaved") };
  },
);
