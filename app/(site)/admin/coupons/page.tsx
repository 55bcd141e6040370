import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { billingProvider } from "@/lib/billing";
import { listCoupons, type CouponView } from "@/lib/billing/coupons";
import { getFormat } from "@/lib/i18n/server";
import type { Format } from "@/lib/site/format";
import { createCouponAction, deleteCouponAction } from "./actions";

export const metadata: Metadata = { title: "Coupons" };

const off = (coupon: CouponView, f: Format) =>
  coupon.percent_off !== null ? `${coupon.percent_off}% off` : `${f.price({ price_cents: coupon.amount_off_cents!, currency: coupon.currency ?? "usd" })} off`;

const lasting = (coupon: CouponView) =>
  coupon.duration === "once" ? "one billing period" : coupon.duration === "forever" ? "for ever" : `${coupon.duration_in_months} months`;

/** The local provider's coupons: what each gives, its limits and how often it was used; and a form for a new one. */
export default async function AdminCouponsPage() {
  await requireAdminPage("/admin/coupons");
  const f = await getFormat();
  const coupons = await listCoupons({ limit: 100, offset: 0 });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">
          Coupons <span className="text-base font-normal text-muted">({coupons.total})</span>
        </h1>
        {billingProvider().name === "stripe" && (
          <p role="status" className="mt-2 text-sm text-muted">
            This server bills with Stripe: members redeem Stripe promotion codes (made in the Stripe Dashboard), not these coupons.
          </p>
        )}
      </div>
      {coupons.items.length > 0 && (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Coupons</caption>
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-2">Code</th>
              <th scope="col">Discount</th>
              <th scope="col">Lasts</th>
              <th scope="col">Expires</th>
              <th scope="col">Used</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-white/10">
            {coupons.items.map((coupon) => (
              <tr key={coupon.id}>
                <td className="py-2 font-mono">{coupon.code}</td>
                <td>{off(coupon, f)}</td>
                <td>{lasting(coupon)}</td>
                <td>{coupon.expires_at ? f.date(coupon.expires_at) : "Never"}</td>
                <td>
                  {coupon.times_redeemed}
                  {coupon.max_redemptions !== null && ` of ${coupon.max_redemptions}`}
                </td>
                <td className="text-right">
                  <ActionForm action={deleteCouponAction} label={`Delete ${coupon.code}`}>
                    <input type="hidden" name="code" value={coupon.code} />
                    <SubmitButton variant="danger" pendingLabel="…">Delete</SubmitButton>
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ActionForm action={createCouponAction} label="New coupon" className="max-w-xl space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
        <h2 className="text-lg font-semibold">New coupon</h2>
        <Field name="code" label="Code" required hint="3–32 letters, digits, '_' or '-'; members type it in any case." />
        <SelectField name="kind" label="Kind" options={[{ value: "percent", label: "Percent off" }, { value: "amount", label: "Amount off (USD)" }]} />
        <Field name="value" label="Discount" type="number" min={0.01} step="0.01" required hint="Percent (1–100), or dollars." />
        <SelectField
          name="duration"
          label="Lasts"
          options={[
            { value: "once", label: "One billing period" },
            { value: "repeating", label: "Some months" },
            { value: "forever", label: "For ever" },
          ]}
        />
        <Field name="duration_in_months" label="Months (for “Some months”)" type="number" min={1} max={36} />
        <Field name="expires_on" label="Expires on (optional)" type="date" />
        <Field name="max_redemptions" label="Redemptions allowed (optional)" type="number" min={1} />
        <SubmitButton pendingLabel="Creating…">Create coupon</SubmitButton>
      </ActionForm>
    </div>
  );
}
