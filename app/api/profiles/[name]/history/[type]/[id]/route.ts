// DELETE /api/profiles/<name>/history/<type>/<id> – remove a movie, an episode or a show from the profile's history
import { withApi } from "@/lib/api/with-api";
import { removeHistoryItem } from "@/lib/profiles/lists";
import { removeFromHistoryEndpoint } from "../../../../lists-schema";

export const DELETE = withApi(removeFromHistoryEndpoint, async ({ viewer, params }) => {
  await removeHistoryItem(viewer, { type: params.type, id: params.id });
  return {};
});
