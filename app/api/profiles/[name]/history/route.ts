// GET /api/profiles/<name>/history – every movie and episode the profile started or watched, newest first
import { withApi } from "@/lib/api/with-api";
import { getHistory } from "@/lib/profiles/lists";
import { historyEndpoint } from "../../lists-schema";

export const GET = withApi(historyEndpoint, ({ viewer, query }) => getHistory(viewer, query));
