import Link from "next/link";
import { titleHref } from "@/components/catalog/links";
import type { PurchaseView } from "@/lib/purchases/purchases";
import { getFormat } from "@/lib/i18n/server";
import type { Format } from "@/lib/site/format";

/** What is left of a rental or purchase: "Purchased", "31 h left", "48 h once you start, start by …", "Expired". */
function standing(item: PurchaseView, f: Format): string {
  if (item.status === "refunded") return "Refunded";
  if (item.status === "expired") return item.kind === "rent" ? "Rental over" : "Ended";
  if (item.kind === "buy") return "Yours to keep";
  if (item.rental_starts_at) return `${f.rentalLeft(item.remaining_seconds ?? 0)} (until ${f.date(item.expires_at!)})`;
  return `${f.hours(item.rental_hours ?? 0)} once you start${item.start_by ? `, start by ${f.date(item.start_by)}` : ""}`;
}

/** The account's rentals and purchases, newest first. */
export async function PurchasesList({ items, total }: { items: PurchaseView[]; total: number }) {
  const f = await getFormat();
  if (total === 0) return <p className="text-sm text-muted">No rentals or purchases yet. Titles not in your plan show Rent and Buy on their page.</p>;
  return (
    <ul className="divide-y divide-white/10" aria-label="Rentals and purchases">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
          <div className="min-w-0">
            <Link href={titleHref(item.type, item.title_id)} className="font-semibold hover:underline">
              {item.title}
            </Link>
            <span className="ml-2 text-sm text-muted">
              {item.kind === "rent" ? "Rented" : "Purchased"} {f.date(item.purchased_at)} · {f.price(item)}
            </span>
          </div>
          <span className={`text-sm ${item.status === "active" ? "text-white" : "text-muted"}`}>{standing(item, f)}</span>
        </li>
      ))}
    </ul>
  );
}
