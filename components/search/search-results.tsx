import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { titleHref } from "@/components/catalog/links";
import { Still } from "@/components/catalog/poster";
import { GRID, TitleGrid } from "@/components/catalog/title-grid";
import type { Viewer } from "@/lib/access/rules";
import { browseTitles, titleFilter } from "@/lib/catalog/catalog";
import { search } from "@/lib/catalog/search";

const RESULT_LIMIT = 48;

type Found = Awaited<ReturnType<typeof search>>["items"][number];
type Of<T extends Found["type"]> = Extract<Found, { type: T }>;


function Group({ id, title, count, children }: { id: string; title: string; count?: number; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-xl font-semibold">
        {title}
        {count !== undefined && <span className="text-base font-normal text-muted"> ({count})</span>}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** Popular titles the profile may watch: what the search page offers before (or instead of) results. */
async function Popular({ viewer, heading }: { viewer: Viewer; heading: string }) {
  const { items } = await browseTitles(titleFilter(undefined, {}, viewer.profile), "popular", { limit: 18, offset: 0 });
  return (
    <Group id="popular" title={heading}>
      <TitleGrid titles={items} />
    </Group>
  );
}

/** Results for `query`, grouped by kind; ranked within each group as the service ranked them. */
export async function SearchResults({ viewer, query }: { viewer: Viewer; query: string }) {
  const [f, t] = await Promise.all([getFormat(), getTranslations("search")]);
  if (!query) return <Popular viewer={viewer} heading={t("popular")} />;
  const { items } = await search(query, { audience: viewer.profile, limit: RESULT_LIMIT });
  const of = <T extends Found["type"]>(type: T) => items.filter((item): item is Of<T> => item.type === type);
  const [movies, shows, episodes, people, channels] = [of("movie"), of("show"), of("episode"), of("person"), of("channel")];
  return (
    <>
      <p role="status" className="mt-6 text-sm text-muted">
        {items.length === 0 ? t("noMatches", { query }) : t("results", { count: items.length, query })}
      </p>
      {items.length === 0 && (
        <div className="mt-4 max-w-xl text-neutral-300">
          <p>{t("tryAnother")}</p>
        </div>
      )}
      {channels.length > 0 && (
        <Group id="channels" title={t("liveTv")} count={channels.length}>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {channels.map((channel) => (
              <li key={channel.id}>
                <Link href={`/watch/channel/${channel.id}`} className="block rounded-md p-2 text-sm hover:bg-white/5">
                  <p className="font-semibold">{channel.number} · {channel.name}</p>
                  <p className="text-muted">{channel.now ? t("now", { title: channel.now.title }) : t("offAir")}</p>
                </Link>
              </li>
            ))}
          </ul>
        </Group>
      )}
      {movies.length > 0 && (
        <Group id="movies" title={t("movies")} count={movies.length}>
          <TitleGrid titles={movies} />
        </Group>
      )}
      {shows.length > 0 && (
        <Group id="shows" title={t("shows")} count={shows.length}>
          <TitleGrid titles={shows} />
        </Group>
      )}
      {episodes.length > 0 && (
        <Group id="episodes" title={t("episodes")} count={episodes.length}>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {episodes.map((episode) => (
              <li key={episode.id}>
                <Link
                  href={`${titleHref("show", episode.show_id)}?season=${episode.season}`}
                  className="flex items-center gap-3 rounded-md p-2 hover:bg-white/5"
                >
                  <div className="w-32 shrink-0">
                    <Still src={episode.still_url} alt="" className="rounded" />
                  </div>
                  <div className="min-w-0 text-sm">
                    <p className="font-semibold">{episode.title}</p>
                    <p className="text-muted">
                      {episode.show_title} · {f.episodeCode(episode.season, episode.episode)}
                    </p>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        </Group>
      )}
      {people.length > 0 && (
        <Group id="people" title={t("people")} count={people.length}>
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {people.map((person) => (
              <li key={person.id} className="rounded-md bg-surface-raised p-3 text-sm">
                <p className="font-semibold">{person.title}</p>
                {person.known_for.length > 0 && (
                  <p className="mt-1 text-muted">
                    {t("knownFor")}{" "}
                    {person.known_for.map((title, index) => (
                      <span key={title}>
                        {index > 0 && ", "}
                        <Link href={`/search?q=${encodeURIComponent(title)}`} className="text-neutral-200 underline-offset-2 hover:underline">
                          {title}
                        </Link>
                      </span>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </Group>
      )}
      {items.length === 0 && <Popular viewer={viewer} heading={t("popular")} />}
    </>
  );
}

export function SearchResultsSkeleton() {
  return (
    <div aria-hidden data-skeleton className={`mt-14 ${GRID}`}>
      {Array.from({ length: 12 }, (_, i) => (
        <div key={i} className="aspect-[2/3] rounded-md bg-surface-raised motion-safe:animate-pulse" />
      ))}
    </div>
  );
}
