// PATCH /api/admin/seasons/<season_id> – edit a season
// DELETE /api/admin/seasons/<season_id> – delete a season
import { deleteSeason, updateSeason } from "@/lib/admin/catalog";
import { withApi } from "@/lib/api/with-api";
import { deleteSeasonEndpoint, updateSeasonEndpoint } from "../../catalog/schema";

export const PATCH = withApi(updateSeasonEndpoint, ({ principal, params, body }) => updateSeason(principal, params.season_id, body));

export const DELETE = withApi(deleteSeasonEndpoint, async ({ principal, params }) => {
  await deleteSeason(principal, params.season_id);
  return {};
});
