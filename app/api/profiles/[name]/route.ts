// DELETE /api/profiles/<name> – delete a profile; PATCH – change its kids flag, rating, avatar or PIN
import { confirmSensitiveChange } from "@/lib/accounts/accounts";
import { withApi } from "@/lib/api/with-api";
import { changeProfileSettings, removeProfile } from "@/lib/profiles/profiles";
import { deleteProfileEndpoint, updateProfileEndpoint } from "../schema";

export const DELETE = withApi(deleteProfileEndpoint, async ({ principal, params }) => {
  await removeProfile(principal, params.name);
  return {};
});

export const PATCH = withApi(updateProfileEndpoint, async ({ principal, credential, params, body, ip }) => {
  const { current_password: currentPassword, ...settings } = body;
  // A PIN keeps others out of the profile: changing it through a signed-in browser needs the account's password.
  if (settings.pin !== undefined) await confirmSensitiveChange(principal, credential, currentPassword, ip);
  return changeProfileSettings(principal, params.name, settings);
});
