// PATCH /api/admin/episodes/<episode_id> – edit an episode
// DELETE /api/admin/episodes/<episode_id> – delete an episode
import { deleteEpisode, updateEpisode } from "@/lib/admin/catalog";
import { withApi } from "@/lib/api/with-api";
import { deleteEpisodeEndpoint, updateEpisodeEndpoint } from "../../catalog/schema";

export const PATCH = withApi(updateEpisodeEndpoint, ({ principal, params, body }) => updateEpisode(principal, params.episode_id, body));

export const DELETE = withApi(deleteEpisodeEndpoint, async ({ principal, params }) => {
  await deleteEpisode(principal, params.episode_id);
  return {};
});
