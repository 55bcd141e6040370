import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TitleGrid } from "@/components/catalog/title-grid";
import { ApiError } from "@/lib/api/errors";
import { catalogAudience } from "@/lib/catalog/audience";
import { getCollection } from "@/lib/catalog/collections";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/site/session";

type Props = { params: Promise<{ slug: string }> };

// A collection shows at most this many titles on its page (the API pages through them all).
const SHOWN = 100;

/** A collection's titles the profile may see (the same service as GET /api/collections/{slug}); 404 when there are none. */
async function collectionFor(slug: string, returnTo: string) {
  const viewer = await requireViewer(returnTo);
  return getCollection(slug, catalogAudience(viewer, {}), { limit: SHOWN, offset: 0 }).catch((error) => {
    if (error instanceof ApiError && error.code === "collection_not_found") notFound();
    throw error;
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: (await collectionFor(slug, `/collections/${encodeURIComponent(slug)}`)).title };
}

export default async function CollectionPage({ params }: Props) {
  const { slug } = await params;
  const [collection, t] = await Promise.all([collectionFor(slug, `/collections/${encodeURIComponent(slug)}`), getTranslations("collection")]);
  return (
    <div className="px-4 pb-16 pt-6 sm:px-8">
      <h1 className="text-3xl font-bold">{collection.title}</h1>
      {collection.description && <p className="mt-2 max-w-3xl text-neutral-300">{collection.description}</p>}
      <p className="mt-1 text-sm text-muted">{t("count", { count: collection.total })}</p>
      <div className="mt-6" data-collection={collection.slug}>
        <TitleGrid titles={collection.items} />
      </div>
    </div>
  );
}
