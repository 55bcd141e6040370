import { RowScroller } from "./row-scroller";

// --card-width: posters grow with the screen, from phones (three and a bit across) to TVs.
const CARD_WIDTHS = "[--card-width:7.5rem] sm:[--card-width:9rem] lg:[--card-width:10.5rem] 2xl:[--card-width:13rem]";
// The kids home's bigger artwork: about half as many cards across, easy to aim at with small fingers.
const LARGE_CARD_WIDTHS = "[--card-width:10.5rem] sm:[--card-width:13rem] lg:[--card-width:15rem] 2xl:[--card-width:18rem]";
// Landscape stills (Continue Watching): about one and a half across a phone, four to five across a laptop.
const STILL_CARD_WIDTHS = "[--card-width:15rem] sm:[--card-width:17rem] lg:[--card-width:19rem] 2xl:[--card-width:23rem]";

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** A titled horizontal row of cards (`children` are <li> cards). */
export function Row({
  title,
  subtitle,
  large,
  landscape,
  rowId,
  action,
  children,
}: {
  title: string;
  subtitle?: string;
  large?: boolean;
  /** Cards show landscape stills, not posters. */
  landscape?: boolean;
  /** The home row's id (lib/catalog/home.ts), on the section as data-home-row. */
  rowId?: string;
  /** Beside the heading, e.g. a link to the whole list. */
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  const id = `row-${slug(rowId ?? title)}`;
  return (
    <section
      aria-labelledby={id}
      data-row-size={large ? "large" : undefined}
      data-home-row={rowId}
      className={`mt-6 first:mt-0 ${landscape ? STILL_CARD_WIDTHS : large ? LARGE_CARD_WIDTHS : CARD_WIDTHS}`}
    >
      <div className="flex items-baseline gap-3 px-4 sm:px-8">
        <h2 id={id} className="text-lg font-semibold lg:text-xl">
          {title}
          {subtitle && <span className="ml-2 text-sm font-normal text-muted">{subtitle}</span>}
        </h2>
        {action}
      </div>
      <RowScroller label={title}>{children}</RowScroller>
    </section>
  );
}

/** The shape of a row while its data streams in. */
export function RowSkeleton({ title, large }: { title?: string; large?: boolean }) {
  return (
    <div aria-hidden data-skeleton className={`mt-6 first:mt-0 ${large ? LARGE_CARD_WIDTHS : CARD_WIDTHS}`}>
      {title ? (
        <p className="px-4 text-lg font-semibold text-neutral-500 sm:px-8 lg:text-xl">{title}</p>
      ) : (
        <div className="mx-4 h-6 w-40 rounded bg-surface-raised sm:mx-8" />
      )}
      <div className="flex gap-2 overflow-hidden px-4 py-4 sm:px-8 lg:gap-3">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="aspect-[2/3] w-[var(--card-width)] shrink-0 rounded-md bg-surface-raised motion-safe:animate-pulse" />
        ))}
      </div>
    </div>
  );
}
