// GET /api/profiles/<name>/watchlist – the profile's watchlist, newest first
import { withApi } from "@/lib/api/with-api";
import { getWatchlist } from "@/lib/profiles/lists";
import { watchlistEndpoint } from "../../lists-schema";

export const GET = withApi(watchlistEndpoint, ({ viewer, query }) => getWatchlist(viewer, query));
