import type { Metadata } from "next";
import Link from "next/link";
import { setOnWatchlist } from "@/app/(site)/title/actions";
import { ActionButton } from "@/components/catalog/action-button";
import { TitleGrid } from "@/components/catalog/title-grid";
import { getWatchlist } from "@/lib/profiles/lists";
import { requireViewer } from "@/lib/site/session";

export const metadata: Metadata = { title: "My List" };

// The watchlist API pages by 100 at most; a list longer than that shows its newest 100 here.
const SHOWN = 100;

export default async function MyListPage() {
  const viewer = await requireViewer("/my-list");
  const { items, total } = await getWatchlist(viewer, { limit: SHOWN, offset: 0 });
  return (
    <div className="px-4 pb-16 pt-6 sm:px-8">
      <h1 className="text-3xl font-bold">My List</h1>
      {items.length === 0 ? (
        <div className="mt-6 max-w-xl text-neutral-300">
          <p>Nothing here yet. Add movies and shows with the + button on their page, and they will wait for you here.</p>
          <Link href="/browse" className="mt-6 inline-block rounded bg-white px-5 py-2.5 font-semibold text-black hover:bg-neutral-200">
            Browse titles
          </Link>
        </div>
      ) : (
        <>
          <p className="mt-1 text-sm text-muted">
            {total === 1 ? "1 title" : `${total} titles`}
            {total > SHOWN ? `, the ${SHOWN} added last shown` : ""}, newest first
          </p>
          <div className="mt-6">
            <TitleGrid
              titles={items}
              extra={(title) => (
                <div className="mt-1 flex justify-end">
                  <ActionButton
                    action={setOnWatchlist}
                    fields={{ kind: title.type, id: title.id, add: "false" }}
                    label={`Remove ${title.title} from My List`}
                    className="rounded px-2 py-1 text-xs text-neutral-300 hover:bg-white/10 hover:text-white"
                  >
                    Remove
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
