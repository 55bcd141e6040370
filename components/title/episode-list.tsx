import Link from "next/link";
import { episodeWatchHref } from "@/components/catalog/links";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { ProgressBar } from "@/components/catalog/progress-bar";
import { Still } from "@/components/catalog/poster";
import type { ItemProgress } from "@/lib/profiles/title-state";

type Episode = {
  id: string;
  episode: number;
  title: string;
  synopsis: string;
  runtime_seconds: number | null;
  still_url: string | null;
  availability: string;
};

type Props = { showId: string; season: number; episodes: Episode[]; progress: (episode: number) => ItemProgress | undefined };

/** One season's episodes: still, name, runtime, synopsis, and how far the profile got in each. */
export async function EpisodeList({ showId, season, episodes, progress }: Props) {
  const [f, t] = await Promise.all([getFormat(), getTranslations("title")]);
  return (
    <ol className="divide-y divide-neutral-800">
      {episodes.map((episode) => {
        const seen = progress(episode.episode);
        const ready = episode.availability === "ready";
        const code = f.episodeCode(season, episode.episode);
        const body = (
          <>
            <div className="relative w-36 shrink-0 overflow-hidden rounded sm:w-48">
              <Still src={episode.still_url} alt={`${code}: ${episode.title}`} className="rounded" />
              {seen && seen.percent !== null && (
                <ProgressBar
                  percent={seen.percent}
                  label={seen.watched ? t("watched") : t("percentWatched", { percent: seen.percent })}
                  className="absolute inset-x-0 bottom-0 rounded-none"
                />
              )}
            </div>
            <div className="min-w-0 flex-1">
              <h3 className="flex flex-wrap items-baseline justify-between gap-x-3 font-semibold">
                <span>
                  <span className="text-muted">{episode.episode}.</span> {episode.title}
                </span>
                <span className="text-sm font-normal text-muted">
                  {[f.runtime(episode.runtime_seconds), seen?.watched ? t("watched") : undefined, ready ? undefined : t("comingSoon")]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </h3>
              <p className="mt-1 line-clamp-3 text-sm text-neutral-300">{episode.synopsis}</p>
            </div>
          </>
        );
        return (
          <li key={episode.id} data-episode={episode.episode}>
            {ready ? (
              <Link
                href={episodeWatchHref(showId, season, episode.episode)}
                prefetch={false}
                aria-label={seen && !seen.watched && seen.percent ? t("playEpisodeProgress", { code, title: episode.title, percent: seen.percent }) : t("playEpisodeTitle", { code, title: episode.title })}
                className="flex gap-4 rounded-md p-3 hover:bg-white/5 sm:p-4"
              >
                {body}
              </Link>
            ) : (
              <div className="flex gap-4 p-3 sm:p-4">{body}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
