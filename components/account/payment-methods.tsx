import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { addCardAction, defaultCardAction, removeCardAction } from "@/app/(site)/account/actions";
import type { PaymentMethodView } from "@/lib/billing/payment-methods";

const brandName = (brand: string) => (brand === "amex" ? "American Express" : brand.charAt(0).toUpperCase() + brand.slice(1));
const describe = (card: PaymentMethodView) => `${brandName(card.brand)} ending ${card.last4}`;

/** The account's cards (Stripe): make one the default, remove one, or add one at Checkout. */
export function PaymentMethods({ cards }: { cards: PaymentMethodView[] }) {
  return (
    <div className="space-y-4">
      {cards.length === 0 ? (
        <p className="text-sm text-muted">No card on file yet. Choosing a plan saves the card you pay with.</p>
      ) : (
        <ul className="divide-y divide-white/10" aria-label="Payment methods">
          {cards.map((card) => (
            <li key={card.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="font-medium">
                  {describe(card)}
                  {card.default && <span className="ml-2 rounded bg-success/20 px-1.5 py-0.5 text-xs font-normal text-success-soft">Default</span>}
                </p>
                {card.exp_month && card.exp_year && (
                  <p className="text-sm text-muted">
                    Expires {String(card.exp_month).padStart(2, "0")}/{card.exp_year}
                  </p>
                )}
              </div>
              <div className="flex flex-wrap gap-2">
                {!card.default && (
                  <ActionForm action={defaultCardAction} className="flex items-center gap-2" label={`Make ${describe(card)} the default`}>
                    <input type="hidden" name="id" value={card.id} />
                    <SubmitButton variant="secondary" pendingLabel="Saving…">
                      Make default
                    </SubmitButton>
                  </ActionForm>
                )}
                <ActionForm action={removeCardAction} className="flex items-center gap-2" label={`Remove ${describe(card)}`}>
                  <input type="hidden" name="id" value={card.id} />
                  <SubmitButton variant="danger" pendingLabel="Removing…">
                    Remove
                  </SubmitButton>
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={addCardAction} label="Add a card">
        <SubmitButton variant="secondary" pendingLabel="Opening…">
          Add a card
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
