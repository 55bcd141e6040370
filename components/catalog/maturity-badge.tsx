import { useTranslations } from "next-intl";

/** The title's rating as a boxed label, as on a film's poster ("Rated PG" to a screen reader). */
export function MaturityBadge({ rating }: { rating: string }) {
  const t = useTranslations("title");
  return (
    <span className="inline-flex items-center rounded-sm border border-neutral-400 px-1.5 py-px text-xs font-semibold leading-4 text-neutral-100">
      {t.rich("ratedLabel", { rating, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
    </span>
  );
}
