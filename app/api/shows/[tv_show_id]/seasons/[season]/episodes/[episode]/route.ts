// GET /api/shows/<tv_show_id>/seasons/<season>/episodes/<episode> – one episode, with `next`
import { withApi } from "@/lib/api/with-api";
import { getEpisode } from "@/lib/catalog/catalog";
import { maturityLimit } from "@/lib/catalog/viewer";
import { getEpisodeEndpoint } from "../../../../../schema";

export const GET = withApi(getEpisodeEndpoint, async ({ params, query, principal }) =>
  getEpisode(params.tv_show_id, params.season, params.episode, await maturityLimit(principal, query)),
);
