// GET /api/browse/home – the home page's rows (hero, the profile's rows, catalog rows, collections), as the site shows them
import { withApi } from "@/lib/api/with-api";
import { catalogAudience } from "@/lib/catalog/audience";
import { homeRows } from "@/lib/catalog/home";
import { homeEndpoint } from "../home-schema";

export const GET = withApi(homeEndpoint, ({ viewer }) => homeRows(viewer, catalogAudience(viewer, {})));
