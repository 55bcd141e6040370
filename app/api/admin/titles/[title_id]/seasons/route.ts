// POST /api/admin/titles/<title_id>/seasons – add a season
import { createSeason } from "@/lib/admin/catalog";
import { withApi } from "@/lib/api/with-api";
import { createSeasonEndpoint } from "../../../catalog/schema";

export const POST = withApi(createSeasonEndpoint, ({ principal, params, body }) => createSeason(principal, params.title_id, body));
