// GET /api/shows/<tv_show_id> – one show with its seasons and episodes
import { withApi } from "@/lib/api/with-api";
import { getShow } from "@/lib/catalog/catalog";
import { catalogAudience } from "@/lib/catalog/audience";
import { getShowEndpoint } from "../schema";

export const GET = withApi(getShowEndpoint, ({ params, query, viewer, principal }) =>
  getShow(params.tv_show_id, catalogAudience(viewer, query), principal?.accountId),
);
