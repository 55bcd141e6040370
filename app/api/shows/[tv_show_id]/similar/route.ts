// GET /api/shows/<tv_show_id>/similar – more like this show
import { withApi } from "@/lib/api/with-api";
import { catalogAudience } from "@/lib/catalog/audience";
import { getSimilar } from "@/lib/catalog/similar";
import { similarShowsEndpoint } from "../../../browse/similar-schema";

export const GET = withApi(similarShowsEndpoint, ({ params, query, viewer }) =>
  getSimilar("show", params.tv_show_id, catalogAudience(viewer, {}), viewer, query),
);
