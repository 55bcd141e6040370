// POST /api/admin/seasons/<season_id>/episodes – add an episode
import { createEpisode } from "@/lib/admin/catalog";
import { withApi } from "@/lib/api/with-api";
import { createEpisodeEndpoint } from "../../../catalog/schema";

export const POST = withApi(createEpisodeEndpoint, ({ principal, params, body }) => createEpisode(principal, params.season_id, body));
