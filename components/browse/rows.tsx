import { ActionButton } from "@/components/catalog/action-button";
import { episodeWatchHref, movieWatchHref } from "@/components/catalog/links";
import { episodeCode, timeLeft } from "@/components/catalog/format";
import { ProgressBar } from "@/components/catalog/progress-bar";
import { TitleCard, type CardTitle } from "@/components/catalog/title-card";
import { browseTitles, listGenres, titleFilter } from "@/lib/catalog/catalog";
import { browseTrending } from "@/lib/catalog/trending";
import { DEFAULT_TIMEFRAME } from "@/lib/catalog/trending-scores";
import type { TitleSort } from "@/db/queries/catalog";
import { getContinueWatching, getWatchlist } from "@/lib/profiles/lists";
import { getRecommendations } from "@/lib/profiles/recommendations";
import { hideFromContinueWatching } from "@/app/(site)/title/actions";
import { Row } from "./row";
import type { Viewer } from "@/lib/access/rules";
import { Icon } from "@/components/catalog/icons";

// The browse page's rows. Each is an async server component calling the same services as the API, streamed in its own
// <Suspense> so a slow row never holds up the others. Everything is within the profile's maturity rating.

const ROW_LENGTH = 20;

function Cards({ titles }: { titles: CardTitle[] }) {
  return titles.map((title) => <TitleCard key={title.id} title={title} />);
}

export async function ContinueWatchingRow({ viewer }: { viewer: Viewer }) {
  const { items } = await getContinueWatching(viewer, ROW_LENGTH);
  if (!items.length) return null;
  return (
    <Row title="Continue Watching" landscape>
      {items.map((item) => {
        const episode = "episode" in item ? item.episode : undefined;
        const where = episode ? `${episodeCode(episode.season, episode.episode)} ${episode.title ?? ""}`.trim() : undefined;
        const left = timeLeft(item.progress_seconds, item.duration_seconds);
        const href = episode ? episodeWatchHref(item.id, episode.season, episode.episode) : movieWatchHref(item.id);
        return (
          <TitleCard
            key={item.id}
            title={item}
            still={episode?.still_url ?? item.backdrop_url}
            href={href}
            label={`Resume ${item.title}${where ? `, ${where}` : ""}`}
          >
            <ProgressBar
              percent={item.percent ?? 0}
              label={`${item.title}: ${item.percent ?? 0}% watched`}
              className="mt-1.5"
            />
            <div className="mt-1 flex items-start justify-between gap-1 text-xs text-muted">
              <span className="line-clamp-2">{[where, left].filter(Boolean).join(" · ") || item.title}</span>
              <ActionButton
                action={hideFromContinueWatching}
                fields={{ id: item.id }}
                label={`Remove ${item.title} from Continue Watching`}
                className="-mr-1 -mt-0.5 shrink-0 rounded px-1.5 text-base leading-5 text-neutral-300 hover:bg-white/10 hover:text-white"
              >
                <Icon name="close" className="size-4" />
              </ActionButton>
            </div>
          </TitleCard>
        );
      })}
    </Row>
  );
}

export async function MyListRow({ viewer }: { viewer: Viewer }) {
  const { items } = await getWatchlist(viewer, { limit: ROW_LENGTH, offset: 0 });
  if (!items.length) return null;
  return (
    <Row title="My List">
      <Cards titles={items} />
    </Row>
  );
}

/** A catalog row (new, a genre, the titles sold one by one), limited to what the profile may watch. */
export async function CatalogRow({
  viewer,
  title,
  sort,
  genre,
  forSale,
  large,
}: {
  viewer: Viewer;
  title: string;
  sort: TitleSort;
  genre?: string;
  forSale?: boolean;
  large?: boolean;
}) {
  const filter = { ...titleFilter(undefined, { genre }, viewer.profile), forSale };
  const { items } = await browseTitles(filter, sort, { limit: ROW_LENGTH, offset: 0 });
  if (!items.length) return null;
  return (
    <Row title={title} large={large}>
      <Cards titles={items} />
    </Row>
  );
}

/** What is being watched this week (the same service as GET /api/browse/trending); absent until someone watches. */
export async function TrendingRow({ viewer }: { viewer: Viewer }) {
  const { items } = await browseTrending(titleFilter(undefined, {}, viewer.profile), DEFAULT_TIMEFRAME, { limit: ROW_LENGTH, offset: 0 });
  if (!items.length) return null;
  return (
    <Row title="Trending Now">
      <Cards titles={items} />
    </Row>
  );
}

type Recommendation = Awaited<ReturnType<typeof getRecommendations>>["items"][number];

const reasonTitle = (item: Recommendation) =>
  item.reason === "popular" ? undefined : "because_you_watched" in item.reason ? item.reason.because_you_watched : item.reason.because_you_liked;

/**
 * "Because you watched …" rows (one per title that led to at least two picks, at most two rows), then the remaining
 * picks as "Top Picks for <profile>". Nothing for a profile without history.
 */
export async function RecommendationRows({ viewer }: { viewer: Viewer }) {
  const { items } = await getRecommendations(viewer, 40);
  // Before the profile has watched or rated anything, every pick is a popular filler: Trending Now says that already.
  if (items.every((item) => item.reason === "popular")) return null;
  const groups = new Map<string, { liked: boolean; items: Recommendation[] }>();
  for (const item of items) {
    const reason = reasonTitle(item);
    if (!reason) continue;
    const group = groups.get(reason) ?? { liked: item.reason !== "popular" && "because_you_liked" in item.reason, items: [] };
    group.items.push(item);
    groups.set(reason, group);
  }
  const shown = [...groups].filter(([, group]) => group.items.length >= 2).slice(0, 2);
  const used = new Set(shown.flatMap(([, group]) => group.items.map((item) => item.id)));
  const rest = items.filter((item) => !used.has(item.id)).slice(0, ROW_LENGTH);
  return (
    <>
      {shown.map(([reason, group]) => (
        <Row key={reason} title={`Because you ${group.liked ? "liked" : "watched"} ${reason}`}>
          <Cards titles={group.items} />
        </Row>
      ))}
      {rest.length > 0 && (
        <Row title={`Top Picks for ${viewer.profile.name}`}>
          <Cards titles={rest} />
        </Row>
      )}
    </>
  );
}

/** The genres with the most titles the profile may watch, most first. */
export async function topGenres(viewer: Viewer, count: number) {
  const { items } = await listGenres(viewer.profile);
  return [...items].sort((a, b) => b.title_count - a.title_count || a.name.localeCompare(b.name)).slice(0, count);
}
