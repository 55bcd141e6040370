import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { movieWatchHref, titleHref } from "@/components/catalog/links";
import { MaturityBadge } from "@/components/catalog/maturity-badge";
import { BACKDROP_TEXT_TOP, BackdropLayer } from "@/components/catalog/poster";
import { maturityLevel } from "@/lib/catalog/maturity";
import type { TitleItem as HeroTitle } from "@/lib/catalog/home";
import type { Viewer } from "@/lib/access/rules";
import { Icon } from "@/components/catalog/icons";
import { HeroCarousel } from "./hero-carousel";

/** The hero: the featured titles as a carousel (one slide when there is one), from the home's `hero` row. */
export async function FeaturedHero({ items }: { items: HeroTitle[] }) {
  return <HeroCarousel slides={items.map((title) => <HeroSlide key={title.id} title={title} />)} labels={items.map((t) => t.title)} ids={items.map((t) => t.id)} />;
}

async function HeroSlide({ title }: { title: HeroTitle }) {
  const [f, t] = await Promise.all([getFormat(), getTranslations("browse")]);
  const facts = [
    String(title.year),
    "runtime_seconds" in title ? f.runtime(title.runtime_seconds) : undefined,
    "season_count" in title && title.season_count ? f.seasonCount(title.season_count) : undefined,
    title.genres.map((genre) => genre.name).join(", ") || undefined,
  ].filter(Boolean);
  // A show's page knows which episode to play; a movie plays right away.
  const playHref = title.type === "movie" ? movieWatchHref(title.id) : titleHref("show", title.id);
  return (
    <div className="relative isolate">
      <BackdropLayer src={title.backdrop_url} />
      <div className={`flex max-w-2xl flex-col justify-end px-4 pb-10 ${BACKDROP_TEXT_TOP} sm:min-h-[46vw] sm:px-8 sm:pt-24 lg:min-h-[38vw] lg:pb-16 2xl:max-w-3xl`}>
        <p className="text-sm font-semibold uppercase tracking-widest text-brand">{title.type === "movie" ? t("featuredMovie") : t("featuredSeries")}</p>
        <h1 id="featured-title" className="mt-2 text-3xl font-black leading-tight sm:text-5xl 2xl:text-6xl">
          {title.title}
        </h1>
        <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-neutral-200">
          <MaturityBadge rating={title.maturity_rating} />
          {facts.map((fact) => (
            <span key={fact}>{fact}</span>
          ))}
        </p>
        <p className="mt-3 line-clamp-3 text-base text-neutral-200 sm:text-lg">{title.synopsis}</p>
        <div className="mt-5 flex flex-wrap gap-3">
          {title.availability === "ready" && (
            <Link href={playHref} prefetch={false} className="inline-flex items-center gap-2 rounded bg-white px-6 py-2.5 font-semibold text-black hover:bg-neutral-200">
              <Icon name="play" className="size-6" /> {t.rich("play", { title: title.title, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
            </Link>
          )}
          <Link
            href={titleHref(title.type, title.id)}
            className="inline-flex items-center gap-2 rounded bg-neutral-500/60 px-6 py-2.5 font-semibold text-white hover:bg-neutral-500/80"
          >
            <Icon name="info" className="size-6" /> {t.rich("moreInfo", { title: title.title, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
          </Link>
        </div>
      </div>
    </div>
  );
}

/** In place of the hero when the profile may see nothing at all. */
export async function NothingToWatch({ viewer }: { viewer: Viewer }) {
  const t = await getTranslations("browse");
  return (
    <section aria-labelledby="featured-title" className="px-4 py-24 text-center sm:px-8">
      <h1 id="featured-title" className="text-3xl font-bold">
        {t("nothingHeading")}
      </h1>
      <p className="mx-auto mt-4 max-w-xl text-muted">
        {viewer.profile.maturityLevel < maturityLevel("NC-17")
          ? t("nothingForProfile", { name: viewer.profile.name })
          : t("nothingAtAll")}
      </p>
    </section>
  );
}

export function HeroSkeleton() {
  return <div aria-hidden data-skeleton className="mb-6 min-h-[56vw] bg-surface-raised/40 sm:min-h-[46vw] lg:min-h-[38vw]" />;
}
