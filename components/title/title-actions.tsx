import { setOnWatchlist, setRating } from "@/app/(site)/title/actions";
import { ActionButton } from "@/components/catalog/action-button";
import type { TitleKind } from "@/components/catalog/links";
import { Icon } from "@/components/catalog/icons";

const round = "inline-flex size-11 items-center justify-center rounded-full border-2 text-lg transition-colors";
const on = "border-white bg-white text-black hover:bg-neutral-200";
const off = "border-neutral-400 bg-black/40 text-white hover:border-white";

/** My List and thumbs up/down for one title (server actions: they work before the page is hydrated). */
export function TitleActions({ kind, id, title, onWatchlist, rating }: {
  kind: TitleKind;
  id: string;
  title: string;
  onWatchlist: boolean;
  rating: "up" | "down" | null;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ActionButton
        action={setOnWatchlist}
        fields={{ kind, id, add: String(!onWatchlist) }}
        label={onWatchlist ? `Remove ${title} from My List` : `Add ${title} to My List`}
        pressed={onWatchlist}
        className={`${round} ${onWatchlist ? on : off}`}
      >
        <Icon name={onWatchlist ? "check" : "plus"} className="size-6" />
      </ActionButton>
      <ActionButton
        action={setRating}
        fields={{ kind, id, rating: rating === "up" ? "none" : "up" }}
        label={rating === "up" ? `Remove your thumbs up for ${title}` : `I like ${title}`}
        pressed={rating === "up"}
        className={`${round} ${rating === "up" ? on : off}`}
      >
        <Icon name="thumbUp" />
      </ActionButton>
      <ActionButton
        action={setRating}
        fields={{ kind, id, rating: rating === "down" ? "none" : "down" }}
        label={rating === "down" ? `Remove your thumbs down for ${title}` : `Not for me: ${title}`}
        pressed={rating === "down"}
        className={`${round} ${rating === "down" ? on : off}`}
      >
        <Icon name="thumbDown" />
      </ActionButton>
    </div>
  );
}
