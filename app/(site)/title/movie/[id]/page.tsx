import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { movieWatchHref } from "@/components/catalog/links";
import { Credits } from "@/components/title/credits";
import { Languages } from "@/components/title/languages";
import { audioLanguageNames } from "@/lib/catalog/languages";
import { loadMovie } from "@/components/title/load";
import { MoreLikeThis } from "@/components/title/more-like-this";
import { ReviewsSection, reviewsPageOf } from "@/components/title/reviews-section";
import { StartPartyButton } from "@/components/party/start-party-button";
import { PlayButton } from "@/components/title/play-button";
import { TitleActions } from "@/components/title/title-actions";
import { TitleHeader } from "@/components/title/title-header";
import { TitleOffers } from "@/components/title/title-offers";
import { movieStart } from "@/lib/profiles/title-state";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ reviews?: string | string[]; reviews_page?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { movie } = await loadMovie((await params).id);
  return { title: movie.title, description: movie.synopsis };
}

export default async function MoviePage({ params, searchParams }: Props) {
  const { movie, state, viewer, covered } = await loadMovie((await params).id);
  const reviews = reviewsPageOf(await searchParams);
  // Not covered by the plan and not rented or bought: the offers take the Play button's place.
  const mustBuy = !covered && !movie.ownership && movie.offers.length > 0;
  const start = movieStart(state.movie);
  const resume = start.action === "resume";
  const [f, t] = await Promise.all([getFormat(), getTranslations("title")]);
  return (
    <article className="pb-16">
      <TitleHeader
        title={movie}
        facts={[f.runtime(movie.duration_seconds ?? ("runtime_seconds" in movie ? movie.runtime_seconds : null)), movie.available_qualities.at(-1)]}
      >
        {!mustBuy && (
          <PlayButton
            href={movieWatchHref(movie.id)}
            text={resume ? t("resume") : t("play")}
            label={resume ? t("resumeTitle", { title: movie.title }) : t("playTitle", { title: movie.title })}
            progress={resume && state.movie ? state.movie : undefined}
            available={movie.availability === "ready"}
          />
        )}
        {!mustBuy && movie.availability === "ready" && <StartPartyButton item={{ kind: "movie", movie_id: movie.id }} />}
        <TitleOffers kind="movie" id={movie.id} title={movie.title} commerce={movie} covered={covered} kids={viewer.profile.kids} />
        <TitleActions kind="movie" id={movie.id} title={movie.title} onWatchlist={state.on_watchlist} rating={state.rating} />
      </TitleHeader>
      <div className="grid max-w-5xl gap-8 px-4 sm:px-8 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="about">
          <h2 id="about" className="text-xl font-semibold">
            {t("about", { title: movie.title })}
          </h2>
          <p className="mt-3 text-base leading-relaxed text-neutral-200 lg:text-lg">{movie.synopsis}</p>
        </section>
        <div>
          <section aria-labelledby="credits">
            <h2 id="credits" className="sr-only">
              {t("castAndCrew")}
            </h2>
            <Credits
              groups={[
                { label: t("cast"), people: movie.cast },
                { label: t("directors", { count: movie.directors.length }), people: movie.directors },
              ]}
            />
          </section>
          <Languages audio={audioLanguageNames(movie)} subtitles={movie.subtitles.map((track) => ({ id: track.language, name: track.label }))} />
        </div>
      </div>
      <MoreLikeThis kind="movie" id={movie.id} viewer={viewer} />
      <ReviewsSection kind="movie" id={movie.id} viewer={viewer} {...reviews} />
    </article>
  );
}
