// DELETE /api/profiles/<name>/continue-watching/<item> – hide a movie or show without marking it watched
import { withApi } from "@/lib/api/with-api";
import { hideContinueWatching } from "@/lib/profiles/lists";
import { hideContinueWatchingEndpoint } from "../../../lists-schema";

export const DELETE = withApi(hideContinueWatchingEndpoint, async ({ viewer, params }) => {
  await hideContinueWatching(viewer, params.item);
  return {};
});
