import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { billingAddressAction, removeBillingAddressAction } from "@/app/(site)/account/actions";
import type { BillingAddress } from "@/db/schema";
import { getTranslations } from "next-intl/server";

/** The address invoices are made out to (kept with the Stripe customer), and a way to remove it. */
export async function BillingAddressForm({ address }: { address: BillingAddress | null }) {
  const t = await getTranslations("account");
  return (
    <div className="max-w-md space-y-4">
      <ActionForm action={billingAddressAction} label={t("sections.billingAddress")} className="space-y-4">
        <Field name="name" label={t("address.name")} autoComplete="billing name" defaultValue={address?.name} required />
        <Field name="line1" label={t("address.line1")} autoComplete="billing address-line1" defaultValue={address?.line1} required />
        <Field name="line2" label={t("address.line2")} autoComplete="billing address-line2" defaultValue={address?.line2 ?? ""} />
        <div className="grid grid-cols-2 gap-3">
          <Field name="city" label={t("address.city")} autoComplete="billing address-level2" defaultValue={address?.city} required />
          <Field name="postal_code" label={t("address.postalCode")} autoComplete="billing postal-code" defaultValue={address?.postal_code} required />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <Field name="state" label={t("address.state")} autoComplete="billing address-level1" defaultValue={address?.state ?? ""} />
          <Field name="country" label={t("address.country")} autoComplete="billing country" defaultValue={address?.country} required hint={t("address.countryHint")} />
        </div>
        <SubmitButton pendingLabel={t("form.saving")}>{t("address.save")}</SubmitButton>
      </ActionForm>
      {address && (
        <ActionForm action={removeBillingAddressAction} label={t("address.removeLabel")}>
          <SubmitButton variant="danger" pendingLabel={t("form.removing")}>
            {t("address.remove")}
          </SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
