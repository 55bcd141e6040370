/** The title's rating as a boxed label, as on a film's poster. */
export function MaturityBadge({ rating }: { rating: string }) {
  return (
    <span className="inline-flex items-center rounded-sm border border-neutral-400 px-1.5 py-px text-xs font-semibold leading-4 text-neutral-100">
      <span className="sr-only">Rated </span>
      {rating}
    </span>
  );
}
