import Link from "next/link";
import { titleHref } from "@/components/catalog/links";
import type { PurchaseView } from "@/lib/purchases/purchases";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import type { Format } from "@/lib/site/format";

/** What is left of a rental or purchase: "Purchased", "31 h left", "48 h once you start, start by …", "Expired". */
function standing(item: PurchaseView, f: Format, t: Awaited<ReturnType<typeof getTranslations<"account.purchases">>>): string {
  if (item.status === "refunded") return t("refunded");
  if (item.status === "expired") return t(item.kind === "rent" ? "rentalOver" : "ended");
  if (item.kind === "buy") return t("keep");
  if (item.rental_starts_at) return t("left", { left: f.rentalLeft(item.remaining_seconds ?? 0), date: f.date(item.expires_at!) });
  const hours = f.hours(item.rental_hours ?? 0);
  return item.start_by ? t("onceYouStartBy", { hours, date: f.date(item.start_by) }) : t("onceYouStart", { hours });
}

/** The account's rentals and purchases, newest first. */
export async function PurchasesList({ items, total }: { items: PurchaseView[]; total: number }) {
  const [f, t] = await Promise.all([getFormat(), getTranslations("account.purchases")]);
  if (total === 0) return <p className="text-sm text-muted">{t("none")}</p>;
  return (
    <ul className="divide-y divide-white/10" aria-label={(await getTranslations("account.sections"))("purchases")}>
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
          <div className="min-w-0">
            <Link href={titleHref(item.type, item.title_id)} className="font-semibold hover:underline">
              {item.title}
            </Link>
            <span className="ml-2 text-sm text-muted">
              {t(item.kind === "rent" ? "rented" : "purchased", { date: f.date(item.purchased_at), price: f.price(item) })}
            </span>
          </div>
          <span className={`text-sm ${item.status === "active" ? "text-white" : "text-muted"}`}>{standing(item, f, t)}</span>
        </li>
      ))}
    </ul>
  );
}
