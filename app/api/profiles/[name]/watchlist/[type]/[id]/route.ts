// PUT /api/profiles/<name>/watchlist/<type>/<id> – add a title to the watchlist (idempotent); DELETE – remove it
import { withApi } from "@/lib/api/with-api";
import { addWatchlistTitle, removeWatchlistTitle } from "@/lib/profiles/lists";
import { addToWatchlistEndpoint, removeFromWatchlistEndpoint } from "../../../../lists-schema";

export const PUT = withApi(addToWatchlistEndpoint, ({ viewer, params }) => addWatchlistTitle(viewer, params.type, params.id));

export const DELETE = withApi(removeFromWatchlistEndpoint, async ({ viewer, params }) => {
  await removeWatchlistTitle(viewer, params.type, params.id);
  return {};
});
