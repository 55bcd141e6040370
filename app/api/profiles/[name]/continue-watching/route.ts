// GET /api/profiles/<name>/continue-watching – what the profile started and has not finished, newest first
import { withApi } from "@/lib/api/with-api";
import { getContinueWatching } from "@/lib/profiles/lists";
import { continueWatchingEndpoint } from "../../lists-schema";

export const GET = withApi(continueWatchingEndpoint, ({ viewer, query }) => getContinueWatching(viewer, query.limit));
