import type { Format } from "@/lib/site/format";
import { movieWatchHref, titleHref, type TitleKind } from "./links";

/** What a card's hover preview shows, written on the card as `data-preview` (the preview itself is one client leaf). */
export type CardPreviewData = {
  kind: TitleKind;
  id: string;
  title: string;
  /** Where Play goes (a movie plays at once; a show's page knows which episode), or null when there is no video yet. */
  play: string | null;
  href: string;
  backdrop: string | null;
  rating: string;
  /** Year, then runtime or seasons. */
  facts: string[];
  genres: string[];
  listed: boolean;
};

type PreviewTitle = {
  type: TitleKind;
  id: string;
  title: string;
  year: number;
  maturity_rating: string;
  genres: Array<{ name: string }>;
  backdrop_url: string | null;
  runtime_seconds?: number | null;
  season_count?: number;
  availability?: string;
};

/** The preview of `title`; `listed`: the ids on the profile's My List; `f`: the viewer's language's formats. */
export function cardPreview(title: PreviewTitle, listed: ReadonlySet<string>, f: Format): CardPreviewData {
  const length = title.type === "movie" ? f.runtime(title.runtime_seconds) : title.season_count ? f.seasonCount(title.season_count) : undefined;
  const playable = title.availability === undefined || title.availability === "ready";
  return {
    kind: title.type,
    id: title.id,
    title: title.title,
    play: playable ? (title.type === "movie" ? movieWatchHref(title.id) : titleHref("show", title.id)) : null,
    href: titleHref(title.type, title.id),
    backdrop: title.backdrop_url,
    rating: title.maturity_rating,
    facts: [String(title.year), length].filter((fact): fact is string => Boolean(fact)),
    genres: title.genres.map((genre) => genre.name),
    listed: listed.has(title.id),
  };
}
