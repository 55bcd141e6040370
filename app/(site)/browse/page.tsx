import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { FeaturedHero, HeroSkeleton, NothingToWatch } from "@/components/browse/hero";
import { ViewingLimitNotice } from "@/components/browse/viewing-limit-notice";
import { RowSkeleton } from "@/components/browse/row";
import { HomeRowView } from "@/components/browse/rows";
import type { Viewer } from "@/lib/access/rules";
import { catalogAudience } from "@/lib/catalog/audience";
import { homeRows } from "@/lib/catalog/home";
import { watchlistIds } from "@/lib/profiles/lists";
import { requireViewer } from "@/lib/site/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("home") };
}

/**
 * The home rows, as lib/catalog/home.ts lists them for the profile (the same function answers GET /api/browse/home):
 * the hero carousel, then every row. A kids profile's home has bigger artwork.
 */
async function Home({ viewer }: { viewer: Viewer }) {
  const [{ rows }, listed] = await Promise.all([homeRows(viewer, catalogAudience(viewer, {})), watchlistIds(viewer)]);
  const large = viewer.profile.kids;
  return (
    <>
      {rows[0]?.kind === "hero" ? <FeaturedHero items={rows[0].items} /> : <NothingToWatch viewer={viewer} />}
      {rows.map((row) => (row.kind === "hero" ? null : <HomeRowView key={row.id} row={row} large={large} listed={listed} profileName={viewer.profile.name} />))}
    </>
  );
}

export default async function BrowsePage() {
  const viewer = await requireViewer("/browse");
  const large = viewer.profile.kids;
  return (
    // A kids profile's home: fewer, bigger rows of what it may watch, no rent-or-buy row (kids cannot buy).
    <div className="pb-16" data-kids-home={large || undefined}>
      <Suspense fallback={null}>
        <ViewingLimitNotice viewer={viewer} />
      </Suspense>
      <Suspense
        fallback={
          <>
            <HeroSkeleton />
            <RowSkeleton large={large} />
            <RowSkeleton large={large} />
          </>
        }
      >
        <Home viewer={viewer} />
      </Suspense>
    </div>
  );
}
