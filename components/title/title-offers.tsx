import Link from "next/link";
import { buyTitle } from "@/app/(site)/title/actions";
import { ActionButton } from "@/components/catalog/action-button";
import type { TitleKind } from "@/components/catalog/links";
import type { Commerce } from "@/lib/purchases/purchases";
import type { OfferView, OwnershipView } from "@/lib/purchases/offers";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import type { Format } from "@/lib/site/format";

type OffersT = Awaited<ReturnType<typeof getTranslations<"offers">>>;

// A title page's rent and buy offers, or the account's rental or purchase of it. Shown only for titles the plan does
// not cover; a kids profile sees the offers (the title is within its rating, or the page would be a 404) but cannot buy.

const price = (offer: OfferView, f: Format) => f.price({ price_cents: offer.price_cents, currency: offer.currency });

/** "Rent for $3.99 · 48 h to finish once you start", "Buy for $14.99". */
const offerText = (offer: OfferView, f: Format, t: OffersT) =>
  offer.kind === "rent" ? t("rent", { price: price(offer, f), hours: f.hours(offer.rental_hours!) }) : t("buy", { price: price(offer, f) });

/** "Purchased", "Rented · 31 h left", "Rented · 48 h to finish once you start, start by May 3, 2026". */
function ownershipText(own: OwnershipView, rentalHours: number | undefined, f: Format, t: OffersT): string {
  if (own.kind === "buy") return t("purchased");
  if (own.rental_starts_at) return t("rentedLeft", { left: f.rentalLeft(own.remaining_seconds ?? 0) });
  const window = rentalHours ?? Math.round((own.remaining_seconds ?? 0) / 3600);
  return own.start_by ? t("rentedStartBy", { hours: f.hours(window), date: f.date(own.start_by) }) : t("rentedWindow", { hours: f.hours(window) });
}

type Props = { kind: TitleKind; id: string; title: string; commerce: Commerce; covered: boolean; kids: boolean };

export async function TitleOffers({ kind, id, title, commerce, covered, kids }: Props) {
  const [f, t] = await Promise.all([getFormat(), getTranslations("offers")]);
  const { ownership, offers, access } = commerce;
  if (ownership) {
    const rent = offers.find((o) => o.kind === "rent");
    const buy = ownership.kind === "rent" && !kids ? offers.find((o) => o.kind === "buy") : undefined;
    return (
      <div className="flex flex-wrap items-center gap-3">
        <p className="rounded bg-white/10 px-3 py-1.5 text-sm font-semibold" data-testid="ownership">
          {ownershipText(ownership, ownership.kind === "rent" ? rent?.rental_hours : undefined, f, t)}
        </p>
        {buy && <OfferButton title={title} fields={{ kind, id, offer: buy.kind }} text={offerText(buy, f, t)} secondary />}
      </div>
    );
  }
  if (covered || offers.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-neutral-200">
        {access === "premium_early_access" ? (
          t.rich("earlyAccess", {
            premium: (chunks) => (
              <Link href="/plans" className="underline hover:text-white">
                {chunks}
              </Link>
            ),
          })
        ) : (
          t("notIncluded")
        )}
      </p>
      {kids ? (
        <p className="text-sm text-muted">
          {t("askGrownUp", { offers: offers.map((offer) => offerText(offer, f, t)).join(t("or")) })}
        </p>
      ) : (
        <div className="flex flex-wrap gap-3">
          {offers.map((offer, i) => (
            <OfferButton key={offer.kind} title={title} fields={{ kind, id, offer: offer.kind }} text={offerText(offer, f, t)} secondary={i > 0} />
          ))}
        </div>
      )}
    </div>
  );
}

function OfferButton({ title, fields, text, secondary }: { title: string; fields: Record<string, string>; text: string; secondary?: boolean }) {
  return (
    <ActionButton
      action={buyTitle}
      fields={fields}
      label={`${text}: ${title}`}
      className={`inline-flex items-center rounded px-5 py-2.5 font-semibold ${secondary ? "bg-white/15 text-white ring-1 ring-white/40 hover:bg-white/25" : "bg-white text-black hover:bg-neutral-200"}`}
    >
      {text}
    </ActionButton>
  );
}
