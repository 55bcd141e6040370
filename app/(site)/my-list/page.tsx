import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { setOnWatchlist } from "@/app/(site)/title/actions";
import { ActionButton } from "@/components/catalog/action-button";
import { TitleGrid } from "@/components/catalog/title-grid";
import { getWatchlist } from "@/lib/profiles/lists";
import { requireViewer } from "@/lib/site/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("myList"))("title") };
}

// The watchlist API pages by 100 at most; a list longer than that shows its newest 100 here.
const SHOWN = 100;

export default async function MyListPage() {
  const viewer = await requireViewer("/my-list");
  const { items, total } = await getWatchlist(viewer, { limit: SHOWN, offset: 0 });
  const t = await getTranslations("myList");
  return (
    <div className="px-4 pb-16 pt-6 sm:px-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {items.length === 0 ? (
        <div className="mt-6 max-w-xl text-neutral-300">
          <p>{t("empty")}</p>
          <Link href="/browse" className="mt-6 inline-block rounded bg-white px-5 py-2.5 font-semibold text-black hover:bg-neutral-200">
            {t("browse")}
          </Link>
        </div>
      ) : (
        <>
          <p className="mt-1 text-sm text-muted">
            {total > SHOWN ? t("countLimited", { count: total, shown: SHOWN }) : t("count", { count: total })}
          </p>
          <div className="mt-6">
            <TitleGrid
              titles={items}
              extra={(title) => (
                <div className="mt-1 flex justify-end">
                  <ActionButton
                    action={setOnWatchlist}
                    fields={{ kind: title.type, id: title.id, add: "false" }}
                    label={t("removeLabel", { title: title.title })}
                    className="rounded px-2 py-1 text-xs text-neutral-300 hover:bg-white/10 hover:text-white"
                  >
                    {t("remove")}
                  </ActionButton>
                </div>
              )}
            />
          </div>
        </>
      )}
    </div>
  );
}
