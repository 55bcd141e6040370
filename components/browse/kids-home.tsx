import { Suspense } from "react";
import type { Viewer } from "@/lib/access/rules";
import { FeaturedHero, HeroSkeleton } from "./hero";
import { RowSkeleton } from "./row";
import { CatalogRow, ContinueWatchingRow, topGenres } from "./rows";

// A kids profile's home: fewer, bigger rows of what it may watch (every row, the hero and its backdrop go through the
// profile's rating and blocked genres), no rent-or-buy row (kids cannot buy), and the genres kids look for first.

const KIDS_GENRES = ["animation", "family", "comedy", "adventure"];
const MORE_GENRES = 3;

async function KidsGenreRows({ viewer }: { viewer: Viewer }) {
  const genres = await topGenres(viewer, 50);
  const first = KIDS_GENRES.flatMap((slug) => genres.filter((genre) => genre.slug === slug));
  const rest = genres.filter((genre) => !KIDS_GENRES.includes(genre.slug)).slice(0, MORE_GENRES);
  return [...first, ...rest]
    .filter((genre) => genre.title_count > 0)
    .map((genre) => (
      <Suspense key={genre.slug} fallback={<RowSkeleton title={genre.name} large />}>
        <CatalogRow viewer={viewer} title={genre.name} sort="popular" genre={genre.slug} large />
      </Suspense>
    ));
}

export function KidsHome({ viewer }: { viewer: Viewer }) {
  return (
    <div className="pb-16" data-kids-home>
      <Suspense fallback={<HeroSkeleton />}>
        <FeaturedHero viewer={viewer} />
      </Suspense>
      <Suspense fallback={null}>
        <ContinueWatchingRow viewer={viewer} />
      </Suspense>
      <Suspense fallback={<RowSkeleton title={`Favourites for ${viewer.profile.name}`} large />}>
        <CatalogRow viewer={viewer} title={`Favourites for ${viewer.profile.name}`} sort="popular" large />
      </Suspense>
      <Suspense fallback={<RowSkeleton title="New for kids" large />}>
        <CatalogRow viewer={viewer} title="New for kids" sort="new" large />
      </Suspense>
      <Suspense fallback={<RowSkeleton large />}>
        <KidsGenreRows viewer={viewer} />
      </Suspense>
    </div>
  );
}
