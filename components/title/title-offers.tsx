import Link from "next/link";
import { buyTitle } from "@/app/(site)/title/actions";
import { ActionButton } from "@/components/catalog/action-button";
import type { TitleKind } from "@/components/catalog/links";
import type { Commerce } from "@/lib/purchases/purchases";
import type { OfferView, OwnershipView } from "@/lib/purchases/offers";
import { formatDate, formatHours, formatPrice, formatTimeLeft } from "@/lib/site/format";

// A title page's rent and buy offers, or the account's rental or purchase of it. Shown only for titles the plan does
// not cover; a kids profile sees the offers (the title is within its rating, or the page would be a 404) but cannot buy.

const price = (offer: OfferView) => formatPrice({ price_cents: offer.price_cents, currency: offer.currency });

/** "Rent for $3.99 · 48 h to finish once you start", "Buy for $14.99". */
export const offerText = (offer: OfferView) =>
  offer.kind === "rent" ? `Rent for ${price(offer)} · ${formatHours(offer.rental_hours!)} to finish once you start` : `Buy for ${price(offer)}`;

/** "Purchased", "Rented · 31 h left", "Rented · 48 h to finish once you start, start by May 3, 2026". */
export function ownershipText(own: OwnershipView, rentalHours: number | undefined): string {
  if (own.kind === "buy") return "Purchased";
  if (own.rental_starts_at) return `Rented · ${formatTimeLeft(own.remaining_seconds ?? 0)}`;
  const window = rentalHours ?? Math.round((own.remaining_seconds ?? 0) / 3600);
  return `Rented · ${formatHours(window)} to finish once you start${own.start_by ? `, start by ${formatDate(own.start_by)}` : ""}`;
}

type Props = { kind: TitleKind; id: string; title: string; commerce: Commerce; covered: boolean; kids: boolean };

export function TitleOffers({ kind, id, title, commerce, covered, kids }: Props) {
  const { ownership, offers, access } = commerce;
  if (ownership) {
    const rent = offers.find((o) => o.kind === "rent");
    const buy = ownership.kind === "rent" && !kids ? offers.find((o) => o.kind === "buy") : undefined;
    return (
      <div className="flex flex-wrap items-center gap-3">
        <p className="rounded bg-white/10 px-3 py-1.5 text-sm font-semibold" data-testid="ownership">
          {ownershipText(ownership, ownership.kind === "rent" ? rent?.rental_hours : undefined)}
        </p>
        {buy && <OfferButton kind={kind} id={id} title={title} offer={buy} secondary />}
      </div>
    );
  }
  if (covered || offers.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-neutral-200">
        {access === "premium_early_access" ? (
          <>
            Early access: included with{" "}
            <Link href="/plans" className="underline hover:text-white">
              Premium
            </Link>
            , or rent or buy it now.
          </>
        ) : (
          "Not included in any plan: rent or buy it to watch."
        )}
      </p>
      {kids ? (
        <p className="text-sm text-muted">
          {offers.map(offerText).join(" · or ")}. Ask a grown-up to rent or buy it from their profile.
        </p>
      ) : (
        <div className="flex flex-wrap gap-3">
          {offers.map((offer, i) => (
            <OfferButton key={offer.kind} kind={kind} id={id} title={title} offer={offer} secondary={i > 0} />
          ))}
        </div>
      )}
    </div>
  );
}

function OfferButton({ kind, id, title, offer, secondary }: { kind: TitleKind; id: string; title: string; offer: OfferView; secondary?: boolean }) {
  const text = offerText(offer);
  return (
    <ActionButton
      action={buyTitle}
      fields={{ kind, id, offer: offer.kind }}
      label={`${text}: ${title}`}
      className={`inline-flex items-center rounded px-5 py-2.5 font-semibold ${secondary ? "bg-white/15 text-white ring-1 ring-white/40 hover:bg-white/25" : "bg-white text-black hover:bg-neutral-200"}`}
    >
      {text}
    </ActionButton>
  );
}
