// DELETE /api/profiles/<name> – delete a profile; PATCH – change its kids flag, rating, avatar or PIN
import { withApi } from "@/lib/api/with-api";
import { changeProfileSettings, removeProfile } from "@/lib/profiles/profiles";
import { deleteProfileEndpoint, updateProfileEndpoint } from "../schema";

export const DELETE = withApi(deleteProfileEndpoint, async ({ principal, params }) => {
  await removeProfile(principal, params.name);
  return {};
});

export const PATCH = withApi(updateProfileEndpoint, ({ principal, params, body }) => changeProfileSettings(principal, params.name, body));
