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
import {
  BILLED,
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
import { getLocale } from "next-intl/server";
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
    if (error instanceof ApiError && error.code === "email_taken") return { fieldErrors: { email: [error.message] } };
    if (error instanceof ApiError && error.code === "current_password_incorrect") return { fieldErrors: { current_password: [error.message] } };
    throw error;
  }
  const locale = await getLocale();
  if (change) after(() => mailEmailChange(change, locale));
  revalidatePath("/account");
  return {
    success: change
      ? `Your email address is now ${email}. Open the link we sent there to confirm it; your previous address was told about the change.`
      : `Your email address is ${email}.`,
  };
});

const passwordForm = z
  .object({ current_password: z.string().min(1, "Enter your current password."), ...newPasswordTwice })
  .refine(...passwordsMatch);

/** A new password, after the current one; every other device and API token is signed out. */
export const changePasswordAction = validatedAccountAction(passwordForm, async (form, principal) => {
  try {
    await assertCurrentPassword(principal, form.current_password, await clientIp());
  } catch (error) {
    if (error instanceof ApiError) return { fieldErrors: { current_password: [error.message] } };
    throw error;
  }
  const { signed_out_sessions: others } = await changePassword(principal, form.new_password, await clientDevice());
  revalidatePath("/account");
  return {
    success: `Password changed.${others ? ` ${others} other ${others === 1 ? "device was" : "devices were"} signed out.` : ""}`,
  };
});

/** Deletes the account and everything stored about it (a paid plan is cancelled first), after the password; signs out. */
export const deleteAccountAction = validatedAccountAction(
  z.object({ password: z.string().min(1, "Enter your password.").max(1024), confirm: checkbox.refine(Boolean, "Tick the box to confirm.") }),
  async ({ password }, principal) => {
    try {
      await assertCurrentPassword(principal, password, await clientIp());
    } catch (error) {
      if (error instanceof ApiError) return { fieldErrors: { password: [error.message] } };
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
    if (error instanceof ApiError && error.code === "coupon_invalid") return { fieldErrors: { coupon: [error.message] } };
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
    return { confirm: confirmationOf(await previewPlanChange(accountId, plan, interval, coupon), before, coupon, stripe, await getFormat()) };
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
    const discount = coupon && after.discount ? ` Coupon ${after.discount.code} applied.` : "";
    return { success: planChangeMessage(before, after, plan, interval ?? after.interval ?? "month", stripe, await getFormat()) + discount };
  }
  redirect(redirectTarget(target));
}

const PER: Record<BillingInterval, string> = { month: "month", year: "year" };

/** What the member confirms before a plan change: the charge now, line by line, and what follows. */
function confirmationOf(preview: ChangePreview, before: SubscriptionView, coupon: string | undefined, stripe: boolean, f: Format): Confirmation {
  const money = (cents: number) => f.price({ price_cents: cents, currency: preview.currency });
  const name = `${PLANS[preview.plan].name}, billed ${BILLED[preview.interval]}`;
  const rows: Confirmation["rows"] = preview.lines.map((line) => ({ label: line.description, value: money(line.amount_cents) }));
  if (preview.discount_cents) rows.push({ label: coupon ? `Coupon ${coupon.toUpperCase()}` : "Discount", value: money(-preview.discount_cents) });
  rows.push({ label: "Due today", value: money(preview.amount_due_now_cents), total: true });
  const notes: string[] = [];
  if (preview.applies === "period_end") {
    notes.push(`Nothing is charged today. You keep ${PLANS[before.plan!].name} until ${f.date(preview.effective_at)}; ${PLANS[preview.plan].name} starts then.`);
  } else if (preview.subtotal_cents < 0) {
    notes.push(`The unused part of your current plan is worth more than the rest of this period on ${PLANS[preview.plan].name}: nothing is due today.`);
  }
  if (preview.next_charge) notes.push(`Then ${money(preview.next_charge.amount_cents)} every ${PER[preview.interval]}, from ${f.date(preview.next_charge.at)}.`);
  if (!stripe) notes.push("This server takes no payments: nothing is actually charged.");
  return {
    title: `Change to ${name}?`,
    rows,
    notes,
    value: JSON.stringify([preview.plan, preview.interval, coupon ?? null]),
    button: stripe && preview.amount_due_now_cents > 0 ? `Confirm and pay ${money(preview.amount_due_now_cents)}` : "Confirm change",
  };
}

function planChangeMessage(before: SubscriptionView, after: SubscriptionView, plan: PlanId, interval: BillingInterval, stripe: boolean, f: Format): string {
  const name = PLANS[plan].name;
  const billed = interval === "year" ? ", billed yearly" : "";
  if (!stripe || FRESH_START.has(before.status) || !before.plan) return `You are on the ${name} plan${billed}.`;
  if (before.plan === plan && before.interval === interval) return `You are staying on the ${name} plan.`;
  if (after.scheduled_change_at && after.scheduled_interval !== after.interval && after.scheduled_interval === interval) {
    return `Your ${name} plan is billed monthly from ${f.date(after.scheduled_change_at)}, when your paid year ends.`;
  }
  if (after.scheduled_plan === plan && after.scheduled_change_at) {
    return `Your plan changes to ${name} from ${f.date(after.scheduled_change_at)}. You keep ${PLANS[before.plan].name} until then.`;
  }
  return `You are on the ${name} plan${billed}. You were charged the prorated difference now.`;
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
    if (after.cancel_at_period_end && after.current_period_end) {
      return { success: `Your membership ends on ${(await getFormat()).date(after.current_period_end)}. You can keep watching until then.` };
    }
    return { success: "Your membership is cancelled. Your profiles and lists are kept if you come back." };
  },
);

/** Undoes a cancellation at period end, or ends a pause early. */
export const resumePlanAction = validatedAccountAction(z.object({}), async (_form, principal) => {
  const after = await resumeSubscriptionNow(principal.accountId);
  revalidatePath("/", "layout");
  if (after.cancel_at_period_end || after.paused_until) return { error: "Your membership could not be resumed. Please try again." };
  return { success: `Your membership continues${after.current_period_end ? ` and renews on ${(await getFormat()).date(after.current_period_end)}` : ""}.` };
});

/** Pauses for 1–3 months (POST …/pause). */
export const pausePlanAction = validatedAccountAction(z.object({ months: z.coerce.number().int().min(1).max(3) }), async ({ months }, principal) => {
  const after = await pauseSubscription(principal.accountId, months);
  revalidatePath("/", "layout");
  return { success: `Your membership is paused until ${(await getFormat()).date(after.paused_until!)}. It resumes by itself then; you can resume earlier.` };
});

/** PUT /api/accounts/billing-address (empty optional lines are left out). */
export const billingAddressAction = validatedAccountAction(billingAddressInput.strip(), async (address, principal) => {
  await setBillingAddress(principal, address);
  revalidatePath("/account");
  return { success: "Billing address saved." };
});

/** DELETE /api/accounts/billing-address. */
export const removeBillingAddressAction = validatedAccountAction(z.object({}), async (_form, principal) => {
  await setBillingAddress(principal, null);
  revalidatePath("/account");
  return { success: "Billing address removed." };
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
  return { success: "This card is now the default." };
});

/** DELETE /api/accounts/payment-methods/{id}. */
export const removeCardAction = validatedAccountAction(cardForm, async ({ id }, principal) => {
  await removePaymentMethod(principal, id);
  revalidatePath("/account");
  return { success: "Card removed." };
});

/** The Stripe Customer Portal: payment methods and invoices. */
export const billingPortalAction = validatedAccountAction(z.object({}), async (_form, principal) => {
  redirect(await openCustomerPortal(principal.accountId));
});

export const signOutDeviceAction = validatedAccountAction(z.object({ session_id: z.uuid() }), async ({ session_id }, principal) => {
  if (session_id === principal.sessionId) return { error: "Use “Sign out” in the profile menu to sign out of this browser." };
  await signOutDevice(principal, session_id);
  revalidatePath("/account");
  return { success: "Device signed out." };
});

export const signOutOthersAction = validatedAccountAction(z.object({}), async (_form, principal) => {
  const count = await signOutOtherDevices(principal);
  revalidatePath("/account");
  return { success: count ? `Signed out of ${count} other ${count === 1 ? "device" : "devices"}.` : "No other device was signed in." };
});

const emptyAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

export const personalDetailsAction = validatedAccountAction(
  z.object({ display_name: z.preprocess(emptyAsNull, displayName.nullable()), phone: z.preprocess(emptyAsNull, phoneNumber.nullable()) }),
  async (details, principal) => {
    await updatePersonalDetails(principal, details);
    revalidatePath("/account");
    return { success: "Your name and phone number are saved." };
  },
);
