// GET /api/shows/<tv_show_id> – one show with its seasons and episodes
import { withApi } from "@/lib/api/with-api";
import { getShow } from "@/lib/catalog/catalog";
import { maturityLimit } from "@/lib/catalog/viewer";
import { getShowEndpoint } from "../schema";

export const GET = withApi(getShowEndpoint, async ({ params, query, principal }) =>
  getShow(params.tv_show_id, await maturityLimit(principal, query)),
);
