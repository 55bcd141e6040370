import Link from "next/link";
import { getTranslations } from "next-intl/server";

export const RANGES = [7, 30, 90];

/** The requested range in days, if it is one of RANGES, else 30. */
export const rangeOf = (requested: string | undefined) => (RANGES.includes(Number(requested)) ? Number(requested) : 30);

/** Links to the same page over the last 7, 30 or 90 days, the current one marked. */
export async function RangeNav({ days }: { days: number }) {
  const t = await getTranslations("admin.range");
  return (
    <nav aria-label={t("label")} className="ml-auto flex gap-2 text-sm">
      {RANGES.map((r) => (
        <Link key={r} href={`?days=${r}`} aria-current={r === days ? "page" : undefined} className="rounded-md px-3 py-1 ring-1 ring-white/20 aria-[current=page]:bg-white/15">
          {t("days", { days: r })}
        </Link>
      ))}
    </nav>
  );
}
