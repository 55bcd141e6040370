import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { addCardAction, defaultCardAction, removeCardAction } from "@/app/(site)/account/actions";
import type { PaymentMethodView } from "@/lib/billing/payment-methods";
import { getTranslations } from "next-intl/server";

const brandName = (brand: string) => (brand === "amex" ? "American Express" : brand.charAt(0).toUpperCase() + brand.slice(1));

/** The account's cards (Stripe): make one the default, remove one, or add one at Checkout. */
export async function PaymentMethods({ cards }: { cards: PaymentMethodView[] }) {
  const t = await getTranslations("account");
  const describe = (card: PaymentMethodView) => t("cards.ending", { brand: brandName(card.brand), last4: card.last4 });
  return (
    <div className="space-y-4">
      {cards.length === 0 ? (
        <p className="text-sm text-muted">{t("cards.none")}</p>
      ) : (
        <ul className="divide-y divide-white/10" aria-label={t("cards.list")}>
          {cards.map((card) => (
            <li key={card.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="font-medium">
                  {describe(card)}
                  {card.default && <span className="ml-2 rounded bg-success/20 px-1.5 py-0.5 text-xs font-normal text-success-soft">{t("cards.default")}</span>}
                </p>
                {card.exp_month && card.exp_year && (
                  <p className="text-sm text-muted">
                    {t("cards.expires", { month: String(card.exp_month).padStart(2, "0"), year: card.exp_year })}
                  </p>
                )}
              </div>
              <div className="flex flex-wrap gap-2">
                {!card.default && (
                  <ActionForm action={defaultCardAction} className="flex items-center gap-2" label={t("cards.makeDefaultOf", { card: describe(card) })}>
                    <input type="hidden" name="id" value={card.id} />
                    <SubmitButton variant="secondary" pendingLabel={t("form.saving")}>
                      {t("cards.makeDefault")}
                    </SubmitButton>
                  </ActionForm>
                )}
                <ActionForm action={removeCardAction} className="flex items-center gap-2" label={t("cards.removeOf", { card: describe(card) })}>
                  <input type="hidden" name="id" value={card.id} />
                  <SubmitButton variant="danger" pendingLabel={t("form.removing")}>
                    {t("cards.remove")}
                  </SubmitButton>
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={addCardAction} label={t("cards.add")}>
        <SubmitButton variant="secondary" pendingLabel={t("form.opening")}>
          {t("cards.add")}
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
