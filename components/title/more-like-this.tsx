import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Row, RowSkeleton } from "@/components/browse/row";
import { TitleCard } from "@/components/catalog/title-card";
import type { Viewer } from "@/lib/access/rules";
import { getSimilar } from "@/lib/catalog/similar";

const SHOWN = 12;

async function SimilarRow({ kind, id, viewer }: { kind: "movie" | "show"; id: string; viewer: Viewer }) {
  // The same service as GET /api/{movies|shows}/{id}/similar, for the profile watching.
  const { items } = await getSimilar(kind, id, viewer.profile, viewer, { limit: SHOWN, offset: 0 });
  if (!items.length) return null;
  const t = await getTranslations("title");
  return (
    <Row title={t("moreLikeThis")}>
      {items.map((item) => (
        <TitleCard key={item.id} title={item} />
      ))}
    </Row>
  );
}

/** A title page's "More like this" row, streamed after the page: nothing when there is nothing alike to show. */
export async function MoreLikeThis(props: { kind: "movie" | "show"; id: string; viewer: Viewer }) {
  const t = await getTranslations("title");
  return (
    <div className="mt-10">
      <Suspense fallback={<RowSkeleton title={t("moreLikeThis")} />}>
        <SimilarRow {...props} />
      </Suspense>
    </div>
  );
}
