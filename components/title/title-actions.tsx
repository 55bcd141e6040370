import { getTranslations } from "next-intl/server";
import { setOnWatchlist, setRating } from "@/app/(site)/title/actions";
import { ActionButton } from "@/components/catalog/action-button";
import type { TitleKind } from "@/components/catalog/links";
import { Icon } from "@/components/catalog/icons";

const round = "inline-flex size-11 items-center justify-center rounded-full border-2 text-lg transition-colors";
const on = "border-white bg-white text-black hover:bg-neutral-200";
const off = "border-neutral-400 bg-black/40 text-white hover:border-white";

/** My List and thumbs up/down for one title (server actions: they work before the page is hydrated). */
export async function TitleActions({ kind, id, title, onWatchlist, rating }: {
  kind: TitleKind;
  id: string;
  title: string;
  onWatchlist: boolean;
  rating: "up" | "down" | null;
}) {
  const t = await getTranslations("title");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ActionButton
        action={setOnWatchlist}
        fields={{ kind, id, add: String(!onWatchlist) }}
        label={onWatchlist ? t("removeFromList", { title }) : t("addToList", { title })}
        pressed={onWatchlist}
        className={`${round} ${onWatchlist ? on : off}`}
      >
        <Icon name={onWatchlist ? "check" : "plus"} className="size-6" />
      </ActionButton>
      <ActionButton
        action={setRating}
        fields={{ kind, id, rating: rating === "up" ? "none" : "up" }}
        label={rating === "up" ? t("removeUp", { title }) : t("like", { title })}
        pressed={rating === "up"}
        className={`${round} ${rating === "up" ? on : off}`}
      >
        <Icon name="thumbUp" />
      </ActionButton>
      <ActionButton
        action={setRating}
        fields={{ kind, id, rating: rating === "down" ? "none" : "down" }}
        label={rating === "down" ? t("removeDown", { title }) : t("dislike", { title })}
        pressed={rating === "down"}
        className={`${round} ${rating === "down" ? on : off}`}
      >
        <Icon name="thumbDown" />
      </ActionButton>
    </div>
  );
}
