import type { Metadata } from "next";
import Link from "next/link";
import { BillingHistory } from "@/components/account/billing-history";
import { BillingAddressForm } from "@/components/account/billing-address-form";
import { DevicesList } from "@/components/account/devices-list";
import { PaymentMethods } from "@/components/account/payment-methods";
import { PlanSection } from "@/components/account/plan-section";
import { PurchasesList } from "@/components/account/purchases-list";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { PanelSection } from "@/components/site/panel-section";
import { describeAccount } from "@/lib/accounts/accounts";
import { listDevices } from "@/lib/accounts/sessions";
import { safeNext } from "@/lib/site/onboarding";
import { billingProvider, INTERVALS, listInvoices, PLAN_IDS, plansForSale, type BillingInterval, type PlanId, type SubscriptionView } from "@/lib/billing";
import { getBillingAddress } from "@/lib/billing/billing-address";
import { listPaymentMethods } from "@/lib/billing/payment-methods";
import { listPurchases } from "@/lib/purchases/purchases";
import { getFormat } from "@/lib/i18n/server";
import { requireAccountHolder } from "@/lib/site/session";
import { changeEmailAction, changePasswordAction, deleteAccountAction, personalDetailsAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

type Props = {
  searchParams: Promise<{ welcome?: string; plan?: string; interval?: string; billing?: string; invoices?: string; purchase?: string; next?: string }>;
};

const INVOICES_PER_PAGE = 12;

/** What a return from Checkout (or a plan change made through it) says; `billing` is in the URL Stripe returns to. */
function billingBanner(billing: string | undefined, subscription: SubscriptionView, purchase: string | undefined) {
  if (purchase === "pending") return { tone: "info", text: "We are confirming your payment. Your rental or purchase will appear below in a moment; refresh this page shortly." };
  if (purchase === "invalid") return { tone: "error", text: "That checkout link was not valid, so nothing changed." };
  switch (billing) {
    case "success":
      return subscription.has_access
        ? { tone: "success", text: "Payment received. Your membership is active: enjoy watching!" }
        : { tone: "info", text: "Payment received. Your plan will appear here in a moment; refresh this page shortly." };
    case "pending":
      return { tone: "info", text: "We are confirming your payment with the payment provider. Your plan will appear here in a moment; refresh this page shortly." };
    case "invalid":
      return { tone: "error", text: "That checkout link was not valid, so nothing changed. If you did pay, your plan will appear here shortly; otherwise choose a plan below." };
    case "card_added":
      return { tone: "success", text: "Your card was saved. Make it the default below to have your plan renew on it." };
    case "updated":
      return { tone: "success", text: "Your plan has been updated." };
    default:
      return undefined;
  }
}

const TONES = {
  success: "bg-success/15 ring-success/40",
  info: "bg-white/5 ring-white/20",
  error: "bg-danger/15 ring-danger/40",
} as const;


export default async function AccountPage({ searchParams }: Props) {
  const f = await getFormat();
  const { welcome, plan, interval, billing, invoices: invoicesPage, purchase, next } = await searchParams;
  const principal = await requireAccountHolder("/account");
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(invoicesPage)) || 1));
  const provider = billingProvider().name;
  const [account, devices, plans, invoices, purchases, cards, address] = await Promise.all([
    describeAccount(principal),
    listDevices(principal),
    plansForSale(),
    listInvoices(principal.accountId, { limit: INVOICES_PER_PAGE, offset: (page - 1) * INVOICES_PER_PAGE }),
    listPurchases(principal, { status: "all", limit: 100, offset: 0 }),
    listPaymentMethods(principal),
    getBillingAddress(principal),
  ]);
  const suggested = PLAN_IDS.find((id) => id === plan) as PlanId | undefined;
  const shownInterval = INTERVALS.find((value) => value === interval) as BillingInterval | undefined;
  const banner = billingBanner(billing, account.subscription, purchase);

  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-10 sm:py-14">
      <div>
        <h1 className="text-3xl font-semibold sm:text-4xl">Account</h1>
        <p className="mt-1 text-muted">
          {account.username} · member since {f.date(account.created_at)}
        </p>
      </div>
      {banner && (
        <p role={banner.tone === "error" ? "alert" : "status"} className={`rounded-lg p-4 ring-1 ${TONES[banner.tone as keyof typeof TONES]}`}>
          {banner.text}
        </p>
      )}
      {welcome && account.subscription.plan === null && (
        <p role="status" className="rounded-lg bg-brand/15 p-4 ring-1 ring-brand/50">
          Welcome to NormFlix, {account.username}! Choose a plan below to start watching.
        </p>
      )}

      <PanelSection id="plan" title="Plan">
        <PlanSection
          subscription={account.subscription}
          plans={plans}
          profileCount={account.profile_count}
          suggested={suggested}
          provider={provider}
          next={safeNext(next)}
          interval={shownInterval}
        />
      </PanelSection>

      <PanelSection id="purchases" title="Rentals and purchases" description="A rental's viewing time starts when you first press Play.">
        <PurchasesList items={purchases.items} total={purchases.total} />
      </PanelSection>

      {provider === "stripe" && (
        <PanelSection id="payment-methods" title="Payment methods" description="Your plan renews on the default card.">
          <PaymentMethods cards={cards.items} />
        </PanelSection>
      )}

      <PanelSection id="billing-address" title="Billing address" description="Shown on your invoices and receipts.">
        <BillingAddressForm address={address.billing_address} />
      </PanelSection>

      <PanelSection id="billing" title="Billing history">
        <BillingHistory invoices={invoices.items} total={invoices.total} page={page} pageSize={INVOICES_PER_PAGE} />
      </PanelSection>

      <PanelSection id="details" title="Name and phone">
        <ActionForm action={personalDetailsAction} className="max-w-md space-y-4" label="Name and phone">
          <Field name="display_name" label="Name" autoComplete="name" maxLength={64} defaultValue={account.display_name ?? ""} />
          <Field
            name="phone"
            label="Phone number"
            type="tel"
            autoComplete="tel"
            defaultValue={account.phone ?? ""}
            hint="With the country code, such as +1 415 555 0123. Leave empty to remove it."
          />
          <SubmitButton pendingLabel="Saving…">Save name and phone</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection
        id="email"
        title="Email"
        description={account.email_verified ? `${account.email} is confirmed.` : `${account.email} is not confirmed yet: open the link we sent there.`}
      >
        <ActionForm action={changeEmailAction} className="max-w-md space-y-4" label="Change email">
          <Field name="email" label="Email address" type="email" autoComplete="email" defaultValue={account.email} required />
          <Field name="current_password" label="Current password" type="password" autoComplete="current-password" required hint="A new address gets a link to confirm it." />
          <SubmitButton pendingLabel="Saving…">Save email</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection id="password" title="Password" description="Changing your password signs out every other device and API token.">
        <ActionForm action={changePasswordAction} className="max-w-md space-y-4" label="Change password">
          <Field name="current_password" label="Current password" type="password" autoComplete="current-password" required />
          <Field name="new_password" label="New password" type="password" autoComplete="new-password" minLength={8} required hint="At least 8 characters." />
          <Field name="confirm_password" label="Confirm new password" type="password" autoComplete="new-password" required />
          <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection id="devices" title="Devices" description="Browsers and apps signed in to your account.">
        <DevicesList devices={devices} />
      </PanelSection>

      <PanelSection id="activity" title="Viewing activity" description="What the profile you are watching as watched: time per day and hour, genres, titles.">
        <Link href="/account/activity" className="font-medium underline">
          See viewing activity
        </Link>
      </PanelSection>

      <PanelSection id="notifications" title="Notifications" description="What the bell and email tell you about, and quiet hours for email.">
        <Link href="/account/notifications" className="font-medium underline">
          Notification settings
        </Link>
      </PanelSection>

      <PanelSection id="security" title="Security" description="Two-factor sign-in, sign-in alerts, auto-logout and recent security events.">
        <Link href="/account/security" className="font-medium underline">
          Security settings
        </Link>
      </PanelSection>

      <PanelSection id="your-data" title="Your data" description="Everything NormFlix stores about your account, to keep or to take elsewhere.">
        <a href="/api/accounts/export" download="normflix-account.json" className="font-medium underline">
          Download your data (JSON)
        </a>
      </PanelSection>

      <PanelSection
        id="delete-account"
        title="Delete your account"
        description="Deletes the account, its profiles, viewing history, lists, rentals and purchases for good. A paid plan is cancelled at once, without a refund for the rest of the period."
      >
        <ActionForm action={deleteAccountAction} className="max-w-md space-y-4" label="Delete your account">
          <Field name="password" label="Password" type="password" autoComplete="current-password" required />
          <CheckboxField name="confirm" label="I understand that this cannot be undone" />
          <SubmitButton variant="danger" pendingLabel="Deleting…">
            Delete my account
          </SubmitButton>
        </ActionForm>
      </PanelSection>
    </div>
  );
}
