import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { ActionButton } from "@/components/catalog/action-button";
import { cardPreview } from "@/components/catalog/card-preview-data";
import { episodeWatchHref, movieWatchHref } from "@/components/catalog/links";
import { ProgressBar } from "@/components/catalog/progress-bar";
import { TitleCard } from "@/components/catalog/title-card";
import type { HomeRow } from "@/lib/catalog/home";
import { hideFromContinueWatching } from "@/app/(site)/title/actions";
import { Row } from "./row";
import { Icon } from "@/components/catalog/icons";

// The browse page's rows, as lib/catalog/home.ts lists them (the same rows GET /api/browse/home answers).

type BrowseT = Awaited<ReturnType<typeof getTranslations<"browse">>>;

/** The row's title in the page's language: the service names its own rows in English; genres and collections are data. */
function rowTitle(row: Exclude<HomeRow, { kind: "hero" }>, name: string, t: BrowseT): string {
  switch (row.id) {
    case "continue-watching":
      return t("rows.continueWatching");
    case "my-list":
      return t("rows.myList");
    case "trending":
      return t("rows.trending");
    case "new":
      return row.title === "New for kids" ? t("rows.newForKids") : t("rows.new");
    case "for-sale":
      return t("rows.forSale");
    case "favourites":
      return t("rows.favourites", { name });
    case "top-picks":
      return t("rows.topPicks", { name });
  }
  if (row.id.startsWith("because:")) {
    const reason = row.id.slice("because:".length);
    return row.title.startsWith("Because you liked") ? t("rows.becauseLiked", { title: reason }) : t("rows.becauseWatched", { title: reason });
  }
  return row.title;
}

type ContinueItem = Extract<HomeRow, { kind: "continue_watching" }>["items"][number];

async function ContinueWatchingCard({ item }: { item: ContinueItem }) {
  const [f, t] = await Promise.all([getFormat(), getTranslations("browse")]);
  const episode = "episode" in item ? item.episode : undefined;
  const where = episode ? `${f.episodeCode(episode.season, episode.episode)} ${episode.title ?? ""}`.trim() : undefined;
  const left = f.timeLeft(item.progress_seconds, item.duration_seconds);
  const href = episode ? episodeWatchHref(item.id, episode.season, episode.episode) : movieWatchHref(item.id);
  return (
    <TitleCard title={item} still={episode?.still_url ?? item.backdrop_url} href={href} label={where ? t("resumeEpisode", { title: item.title, episode: where }) : t("resume", { title: item.title })}>
      <ProgressBar percent={item.percent ?? 0} label={t("watched", { title: item.title, percent: item.percent ?? 0 })} className="mt-1.5" />
      <div className="mt-1 flex items-start justify-between gap-1 text-xs text-muted">
        <span className="line-clamp-2">{[where, left].filter(Boolean).join(" · ") || item.title}</span>
        <ActionButton
          action={hideFromContinueWatching}
          fields={{ id: item.id }}
          label={t("removeFromContinue", { title: item.title })}
          className="-mr-1 -mt-0.5 shrink-0 rounded px-1.5 text-base leading-5 text-neutral-300 hover:bg-white/10 hover:text-white"
        >
          <Icon name="close" className="size-4" />
        </ActionButton>
      </div>
    </TitleCard>
  );
}

/**
 * One home row (not the hero): its cards, bigger on a kids profile's home; a collection's title links to its page.
 * `listed`: the ids on the profile's My List, for the cards' previews.
 */
export async function HomeRowView({ row, large, listed, profileName }: { row: Exclude<HomeRow, { kind: "hero" }>; large?: boolean; listed: ReadonlySet<string>; profileName: string }) {
  const [f, t] = await Promise.all([getFormat(), getTranslations("browse")]);
  const title = rowTitle(row, profileName, t);
  const link =
    row.kind === "collection" && row.slug ? (
      <Link href={`/collections/${row.slug}`} className="text-sm font-normal text-muted hover:text-white hover:underline">
        {t.rich("seeAll", { title, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
      </Link>
    ) : undefined;
  return (
    <Row title={title} large={large && row.kind !== "continue_watching"} landscape={row.kind === "continue_watching"} rowId={row.id} action={link}>
      {row.kind === "continue_watching"
        ? row.items.map((item) => <ContinueWatchingCard key={item.id} item={item} />)
        : row.items.map((title) => <TitleCard key={title.id} title={title} preview={cardPreview(title, listed, f)} />)}
    </Row>
  );
}
