import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import type { Format } from "@/lib/site/format";
import { episodeWatchHref, titleHref } from "@/components/catalog/links";
import { Credits } from "@/components/title/credits";
import { Languages } from "@/components/title/languages";
import { audioLanguageNames } from "@/lib/catalog/languages";
import { EpisodeList } from "@/components/title/episode-list";
import { loadShow } from "@/components/title/load";
import { MoreLikeThis } from "@/components/title/more-like-this";
import { ReviewsSection, reviewsPageOf } from "@/components/title/reviews-section";
import { StartPartyButton } from "@/components/party/start-party-button";
import { PlayButton } from "@/components/title/play-button";
import { SeasonPicker } from "@/components/title/season-picker";
import { TitleActions } from "@/components/title/title-actions";
import { TitleHeader } from "@/components/title/title-header";
import { TitleOffers } from "@/components/title/title-offers";
import { episodeKey, showPlayTarget, type PlayTarget } from "@/lib/profiles/title-state";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ season?: string | string[]; reviews?: string | string[]; reviews_page?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { show } = await loadShow((await params).id);
  return { title: show.title, description: show.synopsis };
}

type TitleT = Awaited<ReturnType<typeof getTranslations<"title">>>;

const playText = (target: PlayTarget, f: Format, t: TitleT) =>
  t(target.action === "resume" ? "resumeEpisode" : target.action === "next" ? "nextEpisode" : "playEpisode", { code: f.episodeCode(target.season, target.episode) });

export default async function ShowPage({ params, searchParams }: Props) {
  const { show, state, viewer, covered } = await loadShow((await params).id);
  // Not covered by the plan and not rented or bought: the offers take the Play button's place.
  const mustBuy = !covered && !show.ownership && show.offers.length > 0;
  const order = show.seasons.flatMap((s) => s.episodes.map((e) => ({ season: s.season, episode: e.episode })));
  const target = showPlayTarget(order, state);
  const targetEpisode = target && show.seasons.find((s) => s.season === target.season)?.episodes.find((e) => e.episode === target.episode);
  const asked = Number((await searchParams).season);
  const season = show.seasons.find((s) => s.season === asked) ?? show.seasons.find((s) => s.season === target?.season) ?? show.seasons[0];
  const progress = target?.action === "resume" ? state.episodes[episodeKey(target)] : undefined;
  const [f, t] = await Promise.all([getFormat(), getTranslations("title")]);
  return (
    <article className="pb-16">
      <TitleHeader
        title={show}
        facts={[show.seasons.length ? f.seasonCount(show.seasons.length) : undefined]}
      >
        {!mustBuy && target && targetEpisode && (
          <PlayButton
            href={episodeWatchHref(show.id, target.season, target.episode)}
            text={playText(target, f, t)}
            label={`${playText(target, f, t)}: ${targetEpisode.title}, ${show.title}`}
            progress={progress}
            available={targetEpisode.availability === "ready"}
          />
        )}
        {!mustBuy && target && targetEpisode?.availability === "ready" && (
          <StartPartyButton item={{ kind: "episode", show_id: show.id, season: target.season, episode: target.episode }} />
        )}
        <TitleOffers kind="show" id={show.id} title={show.title} commerce={show} covered={covered} kids={viewer.profile.kids} />
        <TitleActions kind="show" id={show.id} title={show.title} onWatchlist={state.on_watchlist} rating={state.rating} />
      </TitleHeader>
      <div className="grid max-w-5xl gap-8 px-4 sm:px-8 lg:grid-cols-[3fr_2fr]">
        <p className="text-base leading-relaxed text-neutral-200 lg:text-lg">{show.synopsis}</p>
        <div>
          <Credits
            groups={[
              { label: t("cast"), people: show.cast },
              { label: t("creators", { count: show.creators.length }), people: show.creators },
            ]}
          />
          <Languages audio={audioLanguageNames(show)} />
        </div>
      </div>
      {season && (
        <section aria-labelledby="episodes" className="mt-10 max-w-5xl px-4 sm:px-8">
          <div className="flex flex-wrap items-center justify-between gap-4">
            <h2 id="episodes" className="text-2xl font-semibold">
              {t("episodes")} <span className="text-base font-normal text-muted">· {t("season", { season: season.season })}{season.title ? `: ${season.title}` : ""}</span>
            </h2>
          </div>
          <div className="mt-4">
            <SeasonPicker basePath={titleHref("show", show.id)} seasons={show.seasons} current={season.season} />
          </div>
          {season.synopsis && <p className="mt-3 text-sm text-muted">{season.synopsis}</p>}
          <div className="mt-4">
            <EpisodeList
              showId={show.id}
              season={season.season}
              episodes={season.episodes}
              progress={(episode) => state.episodes[episodeKey({ season: season.season, episode })]}
            />
          </div>
        </section>
      )}
      <MoreLikeThis kind="show" id={show.id} viewer={viewer} />
      <ReviewsSection kind="show" id={show.id} viewer={viewer} {...reviewsPageOf(await searchParams)} />
    </article>
  );
}
