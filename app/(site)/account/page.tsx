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
import { getTranslations } from "next-intl/server";
import { requireAccountHolder } from "@/lib/site/session";
import { changeEmailAction, changePasswordAction, deleteAccountAction, personalDetailsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

type Props = {
  searchParams: Promise<{ welcome?: string; plan?: string; interval?: string; billing?: string; invoices?: string; purchase?: string; next?: string }>;
};

const INVOICES_PER_PAGE = 12;

/** What a return from Checkout (or a plan change made through it) says; `billing` is in the URL Stripe returns to. */
function billingBanner(billing: string | undefined, subscription: SubscriptionView, purchase: string | undefined) {
  if (purchase === "pending") return { tone: "info", key: "purchasePending" } as const;
  if (purchase === "invalid") return { tone: "error", key: "purchaseInvalid" } as const;
  switch (billing) {
    case "success":
      return subscription.has_access ? ({ tone: "success", key: "successActive" } as const) : ({ tone: "info", key: "successPending" } as const);
    case "pending":
      return { tone: "info", key: "pending" } as const;
    case "invalid":
      return { tone: "error", key: "invalid" } as const;
    case "card_added":
      return { tone: "success", key: "cardAdded" } as const;
    case "updated":
      return { tone: "success", key: "updated" } as const;
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
  const [f, t] = await Promise.all([getFormat(), getTranslations("account")]);
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
        <h1 className="text-3xl font-semibold sm:text-4xl">{t("title")}</h1>
        <p className="mt-1 text-muted">
          {t("memberSince", { username: account.username, date: f.date(account.created_at) })}
        </p>
      </div>
      {banner && (
        <p role={banner.tone === "error" ? "alert" : "status"} className={`rounded-lg p-4 ring-1 ${TONES[banner.tone]}`}>
          {t(`banner.${banner.key}`)}
        </p>
      )}
      {welcome && account.subscription.plan === null && (
        <p role="status" className="rounded-lg bg-brand/15 p-4 ring-1 ring-brand/50">
          {t("welcome", { username: account.username })}
        </p>
      )}

      <PanelSection id="plan" title={t("sections.plan")}>
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

      <PanelSection id="purchases" title={t("sections.purchases")} description={t("sections.purchasesText")}>
        <PurchasesList items={purchases.items} total={purchases.total} />
      </PanelSection>

      {provider === "stripe" && (
        <PanelSection id="payment-methods" title={t("sections.paymentMethods")} description={t("sections.paymentMethodsText")}>
          <PaymentMethods cards={cards.items} />
        </PanelSection>
      )}

      <PanelSection id="billing-address" title={t("sections.billingAddress")} description={t("sections.billingAddressText")}>
        <BillingAddressForm address={address.billing_address} />
      </PanelSection>

      <PanelSection id="billing" title={t("sections.billing")}>
        <BillingHistory invoices={invoices.items} total={invoices.total} page={page} pageSize={INVOICES_PER_PAGE} />
      </PanelSection>

      <PanelSection id="details" title={t("sections.details")}>
        <ActionForm action={personalDetailsAction} className="max-w-md space-y-4" label={t("sections.details")}>
          <Field name="display_name" label={t("form.name")} autoComplete="name" maxLength={64} defaultValue={account.display_name ?? ""} />
          <Field
            name="phone"
            label={t("form.phone")}
            type="tel"
            autoComplete="tel"
            defaultValue={account.phone ?? ""}
            hint={t("form.phoneHint")}
          />
          <SubmitButton pendingLabel={t("form.saving")}>{t("form.saveDetails")}</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection
        id="email"
        title={t("sections.email")}
        description={t(account.email_verified ? "sections.emailConfirmed" : "sections.emailUnconfirmed", { email: account.email })}
      >
        <ActionForm action={changeEmailAction} className="max-w-md space-y-4" label={t("form.changeEmail")}>
          <Field name="email" label={t("form.emailAddress")} type="email" autoComplete="email" defaultValue={account.email} required />
          <Field name="current_password" label={t("form.currentPassword")} type="password" autoComplete="current-password" required hint={t("form.newAddressHint")} />
          <SubmitButton pendingLabel={t("form.saving")}>{t("form.saveEmail")}</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection id="password" title={t("sections.password")} description={t("sections.passwordText")}>
        <ActionForm action={changePasswordAction} className="max-w-md space-y-4" label={t("form.changePassword")}>
          <Field name="current_password" label={t("form.currentPassword")} type="password" autoComplete="current-password" required />
          <Field name="new_password" label={t("form.newPassword")} type="password" autoComplete="new-password" minLength={8} required hint={t("form.newPasswordHint")} />
          <Field name="confirm_password" label={t("form.confirmPassword")} type="password" autoComplete="new-password" required />
          <SubmitButton pendingLabel={t("form.changing")}>{t("form.changePassword")}</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection id="devices" title={t("sections.devices")} description={t("sections.devicesText")}>
        <DevicesList devices={devices} />
      </PanelSection>

      <PanelSection id="activity" title={t("sections.activity")} description={t("sections.activityText")}>
        <Link href="/account/activity" className="font-medium underline">
          {t("sections.activityLink")}
        </Link>
      </PanelSection>

      <PanelSection id="notifications" title={t("sections.notifications")} description={t("sections.notificationsText")}>
        <Link href="/account/notifications" className="font-medium underline">
          {t("sections.notificationsLink")}
        </Link>
      </PanelSection>

      <PanelSection id="security" title={t("sections.security")} description={t("sections.securityText")}>
        <Link href="/account/security" className="font-medium underline">
          {t("sections.securityLink")}
        </Link>
      </PanelSection>

      <PanelSection id="your-data" title={t("sections.data")} description={t("sections.dataText")}>
        <a href="/api/accounts/export" download="normflix-account.json" className="font-medium underline">
          {t("sections.dataLink")}
        </a>
      </PanelSection>

      <PanelSection
        id="delete-account"
        title={t("sections.delete")}
        description={t("sections.deleteText")}
      >
        <ActionForm action={deleteAccountAction} className="max-w-md space-y-4" label={t("sections.delete")}>
          <Field name="password" label={t("form.password")} type="password" autoComplete="current-password" required />
          <CheckboxField name="confirm" label={t("form.deleteConfirm")} />
          <SubmitButton variant="danger" pendingLabel={t("form.deleting")}>
            {t("form.deleteButton")}
          </SubmitButton>
        </ActionForm>
      </PanelSection>
    </div>
  );
}
