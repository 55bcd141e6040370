import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { billingProvider } from "@/lib/billing";
import { listCoupons, type CouponView } from "@/lib/billing/coupons";
import { getFormat } from "@/lib/i18n/server";
import { createCouponAction, deleteCouponAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.coupons"))("title") };
}

/** The local provider's coupons: what each gives, its limits and how often it was used; and a form for a new one. */
export default async function AdminCouponsPage() {
  await requireAdminPage("/admin/coupons");
  const [f, t, coupons] = await Promise.all([getFormat(), getTranslations(), listCoupons({ limit: 100, offset: 0 })]);
  // What a coupon gives, worded as the account page words a member's discount.
  const off = (coupon: CouponView) =>
    coupon.percent_off !== null
      ? t("account.plan.percentOff", { percent: coupon.percent_off })
      : t("account.plan.amountOff", { amount: f.price({ price_cents: coupon.amount_off_cents!, currency: coupon.currency ?? "usd" }) });
  const lasting = (coupon: CouponView) =>
    coupon.duration === "once"
      ? t("admin.coupons.once")
      : coupon.duration === "forever"
        ? t("admin.coupons.forever")
        : t("account.plan.months", { months: coupon.duration_in_months ?? 0 });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">
          {t("admin.coupons.title")} <span className="text-base font-normal text-muted">({coupons.total})</span>
        </h1>
        {billingProvider().name === "stripe" && (
          <p role="status" className="mt-2 text-sm text-muted">
            {t("admin.coupons.stripe")}
          </p>
        )}
      </div>
      {coupons.items.length > 0 && (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("admin.coupons.title")}</caption>
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-2">{t("admin.coupons.code")}</th>
              <th scope="col">{t("admin.coupons.discount")}</th>
              <th scope="col">{t("admin.coupons.lasts")}</th>
              <th scope="col">{t("admin.coupons.expires")}</th>
              <th scope="col">{t("admin.coupons.used")}</th>
              <th scope="col"><span className="sr-only">{t("admin.coupons.actions")}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-white/10">
            {coupons.items.map((coupon) => (
              <tr key={coupon.id}>
                <td className="py-2 font-mono">{coupon.code}</td>
                <td>{off(coupon)}</td>
                <td>{lasting(coupon)}</td>
                <td>{coupon.expires_at ? f.date(coupon.expires_at) : t("admin.coupons.never")}</td>
                <td>
                  {coupon.max_redemptions !== null
                    ? t("admin.coupons.usedOf", { used: f.number(coupon.times_redeemed), max: f.number(coupon.max_redemptions) })
                    : f.number(coupon.times_redeemed)}
                </td>
                <td className="text-right">
                  <ActionForm action={deleteCouponAction} label={t("admin.common.deleteNamed", { name: coupon.code })}>
                    <input type="hidden" name="code" value={coupon.code} />
                    <SubmitButton variant="danger" pendingLabel="…">{t("admin.common.delete")}</SubmitButton>
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ActionForm action={createCouponAction} label={t("admin.coupons.newCoupon")} className="max-w-xl space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
        <h2 className="text-lg font-semibold">{t("admin.coupons.newCoupon")}</h2>
        <Field name="code" label={t("admin.coupons.code")} required hint={t("admin.coupons.codeHint")} />
        <SelectField name="kind" label={t("admin.common.kind")} options={(["percent", "amount"] as const).map((kind) => ({ value: kind, label: t(`admin.coupons.${kind}Kind`) }))} />
        <Field name="value" label={t("admin.coupons.discount")} type="number" min={0.01} step="0.01" required hint={t("admin.coupons.valueHint")} />
        <SelectField
          name="duration"
          label={t("admin.coupons.lasts")}
          options={[
            { value: "once", label: t("admin.coupons.durationOnce") },
            { value: "repeating", label: t("admin.coupons.durationRepeating") },
            { value: "forever", label: t("admin.coupons.durationForever") },
          ]}
        />
        <Field name="duration_in_months" label={t("admin.coupons.months")} type="number" min={1} max={36} />
        <Field name="expires_on" label={t("admin.coupons.expiresOn")} type="date" />
        <Field name="max_redemptions" label={t("admin.coupons.maxRedemptions")} type="number" min={1} />
        <SubmitButton pendingLabel={t("admin.common.creating")}>{t("admin.coupons.create")}</SubmitButton>
      </ActionForm>
    </div>
  );
}
