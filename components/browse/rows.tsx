import Link from "next/link";
import { ActionButton } from "@/components/catalog/action-button";
import { cardPreview } from "@/components/catalog/card-preview-data";
import { episodeWatchHref, movieWatchHref } from "@/components/catalog/links";
import { episodeCode, timeLeft } from "@/components/catalog/format";
import { ProgressBar } from "@/components/catalog/progress-bar";
import { TitleCard } from "@/components/catalog/title-card";
import type { HomeRow } from "@/lib/catalog/home";
import { hideFromContinueWatching } from "@/app/(site)/title/actions";
import { Row } from "./row";
import { Icon } from "@/components/catalog/icons";

// The browse page's rows, as lib/catalog/home.ts lists them (the same rows GET /api/browse/home answers).

type ContinueItem = Extract<HomeRow, { kind: "continue_watching" }>["items"][number];

function ContinueWatchingCard({ item }: { item: ContinueItem }) {
  const episode = "episode" in item ? item.episode : undefined;
  const where = episode ? `${episodeCode(episode.season, episode.episode)} ${episode.title ?? ""}`.trim() : undefined;
  const left = timeLeft(item.progress_seconds, item.duration_seconds);
  const href = episode ? episodeWatchHref(item.id, episode.season, episode.episode) : movieWatchHref(item.id);
  return (
    <TitleCard title={item} still={episode?.still_url ?? item.backdrop_url} href={href} label={`Resume ${item.title}${where ? `, ${where}` : ""}`}>
      <ProgressBar percent={item.percent ?? 0} label={`${item.title}: ${item.percent ?? 0}% watched`} className="mt-1.5" />
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
}

/**
 * One home row (not the hero): its cards, bigger on a kids profile's home; a collection's title links to its page.
 * `listed`: the ids on the profile's My List, for the cards' previews.
 */
export function HomeRowView({ row, large, listed }: { row: Exclude<HomeRow, { kind: "hero" }>; large?: boolean; listed: ReadonlySet<string> }) {
  const link =
    row.kind === "collection" && row.slug ? (
      <Link href={`/collections/${row.slug}`} className="text-sm font-normal text-muted hover:text-white hover:underline">
        See all<span className="sr-only"> of {row.title}</span>
      </Link>
    ) : undefined;
  return (
    <Row title={row.title} large={large && row.kind !== "continue_watching"} landscape={row.kind === "continue_watching"} rowId={row.id} action={link}>
      {row.kind === "continue_watching"
        ? row.items.map((item) => <ContinueWatchingCard key={item.id} item={item} />)
        : row.items.map((title) => <TitleCard key={title.id} title={title} preview={cardPreview(title, listed)} />)}
    </Row>
  );
}
