import type { Metadata } from "next";
import { Suspense } from "react";
import { FeaturedHero, HeroSkeleton } from "@/components/browse/hero";
import { KidsHome } from "@/components/browse/kids-home";
import { ViewingLimitNotice } from "@/components/browse/viewing-limit-notice";
import { RowSkeleton } from "@/components/browse/row";
import { CatalogRow, ContinueWatchingRow, MyListRow, RecommendationRows, topGenres, TrendingRow } from "@/components/browse/rows";
import type { Viewer } from "@/lib/access/rules";
import { requireViewer } from "@/lib/site/session";

export const metadata: Metadata = { title: "Home" };

const GENRE_ROWS = 6;

async function GenreRows({ viewer }: { viewer: Viewer }) {
  const genres = await topGenres(viewer, GENRE_ROWS);
  return genres.map((genre) => (
    <Suspense key={genre.slug} fallback={<RowSkeleton title={genre.name} />}>
      <CatalogRow viewer={viewer} title={genre.name} sort="popular" genre={genre.slug} />
    </Suspense>
  ));
}

export default async function BrowsePage() {
  const viewer = await requireViewer("/browse");
  const limit = (
    <Suspense fallback={null}>
      <ViewingLimitNotice viewer={viewer} />
    </Suspense>
  );
  if (viewer.profile.kids) {
    return (
      <>
        {limit}
        <KidsHome viewer={viewer} />
      </>
    );
  }
  return (
    <div className="pb-16">
      {limit}
      <Suspense fallback={<HeroSkeleton />}>
        <FeaturedHero viewer={viewer} />
      </Suspense>
      {/* Rows a new profile often lacks stream in without a skeleton, so nothing is shown and then taken away. */}
      <Suspense fallback={null}>
        <ContinueWatchingRow viewer={viewer} />
      </Suspense>
      <Suspense fallback={null}>
        <MyListRow viewer={viewer} />
      </Suspense>
      <Suspense fallback={null}>
        <TrendingRow viewer={viewer} />
      </Suspense>
      <Suspense fallback={<RowSkeleton title="New on NormFlix" />}>
        <CatalogRow viewer={viewer} title="New on NormFlix" sort="new" />
      </Suspense>
      <Suspense fallback={<RowSkeleton title="Rent or buy" />}>
        <CatalogRow viewer={viewer} title="Rent or buy" sort="new" forSale />
      </Suspense>
      <Suspense fallback={<RowSkeleton />}>
        <RecommendationRows viewer={viewer} />
      </Suspense>
      <Suspense fallback={<RowSkeleton />}>
        <GenreRows viewer={viewer} />
      </Suspense>
    </div>
  );
}
