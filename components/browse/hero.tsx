import Link from "next/link";
import { movieWatchHref, titleHref } from "@/components/catalog/links";
import { formatRuntime, seasonCountLabel } from "@/components/catalog/format";
import { MaturityBadge } from "@/components/catalog/maturity-badge";
import { BACKDROP_TEXT_TOP, BackdropLayer } from "@/components/catalog/poster";
import { maturityLevel } from "@/lib/catalog/maturity";
import type { TitleItem as HeroTitle } from "@/lib/catalog/home";
import type { Viewer } from "@/lib/access/rules";
import { Icon } from "@/components/catalog/icons";
import { HeroCarousel } from "./hero-carousel";

/** The hero: the featured titles as a carousel (one slide when there is one), from the home's `hero` row. */
export function FeaturedHero({ items }: { items: HeroTitle[] }) {
  return <HeroCarousel slides={items.map((title) => <HeroSlide key={title.id} title={title} />)} labels={items.map((t) => t.title)} ids={items.map((t) => t.id)} />;
}

function HeroSlide({ title }: { title: HeroTitle }) {
  const facts = [
    String(title.year),
    "runtime_seconds" in title ? formatRuntime(title.runtime_seconds) : undefined,
    "season_count" in title && title.season_count ? seasonCountLabel(title.season_count) : undefined,
    title.genres.map((genre) => genre.name).join(", ") || undefined,
  ].filter(Boolean);
  // A show's page knows which episode to play; a movie plays right away.
  const playHref = title.type === "movie" ? movieWatchHref(title.id) : titleHref("show", title.id);
  return (
    <div className="relative isolate">
      <BackdropLayer src={title.backdrop_url} />
      <div className={`flex max-w-2xl flex-col justify-end px-4 pb-10 ${BACKDROP_TEXT_TOP} sm:min-h-[46vw] sm:px-8 sm:pt-24 lg:min-h-[38vw] lg:pb-16 2xl:max-w-3xl`}>
        <p className="text-sm font-semibold uppercase tracking-widest text-brand">Featured {title.type === "movie" ? "movie" : "series"}</p>
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
              <Icon name="play" className="size-6" /> Play<span className="sr-only"> {title.title}</span>
            </Link>
          )}
          <Link
            href={titleHref(title.type, title.id)}
            className="inline-flex items-center gap-2 rounded bg-neutral-500/60 px-6 py-2.5 font-semibold text-white hover:bg-neutral-500/80"
          >
            <Icon name="info" className="size-6" /> More info<span className="sr-only"> about {title.title}</span>
          </Link>
        </div>
      </div>
    </div>
  );
}

/** In place of the hero when the profile may see nothing at all. */
export function NothingToWatch({ viewer }: { viewer: Viewer }) {
  return (
    <section aria-labelledby="featured-title" className="px-4 py-24 text-center sm:px-8">
      <h1 id="featured-title" className="text-3xl font-bold">
        Nothing to watch yet
      </h1>
      <p className="mx-auto mt-4 max-w-xl text-muted">
        {viewer.profile.maturityLevel < maturityLevel("NC-17")
          ? `No titles on this server are rated for ${viewer.profile.name} yet.`
          : "This server's catalog is empty. Titles appear here as soon as an administrator publishes them."}
      </p>
    </section>
  );
}

export function HeroSkeleton() {
  return <div aria-hidden data-skeleton className="mb-6 min-h-[56vw] bg-surface-raised/40 sm:min-h-[46vw] lg:min-h-[38vw]" />;
}
