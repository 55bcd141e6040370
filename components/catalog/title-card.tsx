import Link from "next/link";
import { titleHref, type TitleKind } from "./links";
import type { CardPreviewData } from "./card-preview-data";
import { Poster, Still } from "./poster";

export type CardTitle = { type: TitleKind; id: string; title: string; year?: number; poster_url: string | null };

type Props = {
  title: CardTitle;
  /** Where the card leads; the title's page by default. */
  href?: string;
  /** The link's accessible name when it says more than the title (e.g. "Resume …"). */
  label?: string;
  /** Shown under the poster, outside the link (progress, captions, buttons). */
  children?: React.ReactNode;
  /** A landscape still (an episode still or the backdrop) instead of the poster; the row sizes the card for it. */
  still?: string | null;
  /** A larger preview on hover or keyboard focus (components/catalog/card-preview.tsx shows it). */
  preview?: CardPreviewData;
  /** Above the fold: its picture loads with the page, not when lazy loading gets round to it. */
  eager?: boolean;
};

/** A poster card in a row or grid (a list item: rows and grids are lists). */
export function TitleCard({ title, href, label, children, still, preview, eager }: Props) {
  const Art = still === undefined ? Poster : Still;
  return (
    <li className="w-[var(--card-width)] shrink-0 snap-start" data-title-card={title.id} data-preview={preview && JSON.stringify(preview)}>
      {/* Rows hold dozens of cards: prefetching each (a dynamic page) would cost a request per card for nothing. */}
      <Link
        href={href ?? titleHref(title.type, title.id)}
        prefetch={false}
        aria-label={label}
        data-card-link
        className="group block overflow-hidden rounded-md outline-offset-2 focus-visible:outline-2 focus-visible:outline-white"
      >
        <Art
          src={still === undefined ? title.poster_url : still}
          alt={title.year ? `${title.title} (${title.year})` : title.title}
          eager={eager}
          className="rounded-md transition-transform duration-200 motion-safe:group-hover:scale-105 motion-safe:group-focus-visible:scale-105"
        />
      </Link>
      {children}
    </li>
  );
}
