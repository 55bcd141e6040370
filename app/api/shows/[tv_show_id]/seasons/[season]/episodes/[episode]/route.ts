// GET /api/shows/<tv_show_id>/seasons/<season>/episodes/<episode> – one episode, with `next`
import { withApi } from "@/lib/api/with-api";
import { getEpisode } from "@/lib/catalog/catalog";
import { catalogAudience } from "@/lib/catalog/audience";
import { getEpisodeEndpoint } from "../../../../../schema";

export const GET = withApi(getEpisodeEndpoint, ({ params, query, viewer, principal }) =>
  getEpisode(params.tv_show_id, params.season, params.episode, catalogAudience(viewer, query), principal?.accountId),
);
