import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { SearchBox } from "@/components/search/search-box";
import { SearchResults, SearchResultsSkeleton } from "@/components/search/search-results";
import { requireViewer } from "@/lib/site/session";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

const MAX_QUERY = 100;

const queryOf = (q: string | string[] | undefined) => (Array.isArray(q) ? q[0] : (q ?? "")).trim().slice(0, MAX_QUERY);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = queryOf((await searchParams).q);
  const t = await getTranslations("search");
  return { title: query ? t("titleWithQuery", { query }) : t("title") };
}

export default async function SearchPage({ searchParams }: Props) {
  const query = queryOf((await searchParams).q);
  const viewer = await requireViewer(query ? `/search?q=${encodeURIComponent(query)}` : "/search");
  const t = await getTranslations("search");
  return (
    <div className="px-4 pb-16 pt-6 sm:px-8">
      <h1 className="sr-only">{t("title")}</h1>
      <div className="max-w-2xl">
        <SearchBox initialQuery={query} />
      </div>
      <Suspense fallback={<SearchResultsSkeleton />}>
        <SearchResults viewer={viewer} query={query} />
      </Suspense>
    </div>
  );
}
