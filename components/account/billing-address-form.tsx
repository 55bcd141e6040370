import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { billingAddressAction, removeBillingAddressAction } from "@/app/(site)/account/actions";
import type { BillingAddress } from "@/db/schema";

/** The address invoices are made out to (kept with the Stripe customer), and a way to remove it. */
export function BillingAddressForm({ address }: { address: BillingAddress | null }) {
  return (
    <div className="max-w-md space-y-4">
      <ActionForm action={billingAddressAction} label="Billing address" className="space-y-4">
        <Field name="name" label="Name on invoices" autoComplete="billing name" defaultValue={address?.name} required />
        <Field name="line1" label="Address" autoComplete="billing address-line1" defaultValue={address?.line1} required />
        <Field name="line2" label="Address line 2 (optional)" autoComplete="billing address-line2" defaultValue={address?.line2 ?? ""} />
        <div className="grid grid-cols-2 gap-3">
          <Field name="city" label="City" autoComplete="billing address-level2" defaultValue={address?.city} required />
          <Field name="postal_code" label="Postal code" autoComplete="billing postal-code" defaultValue={address?.postal_code} required />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <Field name="state" label="State or region (optional)" autoComplete="billing address-level1" defaultValue={address?.state ?? ""} />
          <Field name="country" label="Country" autoComplete="billing country" defaultValue={address?.country} required hint="Two letters, e.g. US, DE" />
        </div>
        <SubmitButton pendingLabel="Saving…">Save billing address</SubmitButton>
      </ActionForm>
      {address && (
        <ActionForm action={removeBillingAddressAction} label="Remove the billing address">
          <SubmitButton variant="danger" pendingLabel="Removing…">
            Remove billing address
          </SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
