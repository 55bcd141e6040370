// POST /api/profiles/<name>/unlock – the PIN for a short-lived profile token (X-Profile-Token)
import { unlockProfile } from "@/lib/access/profile-access";
import { withApi } from "@/lib/api/with-api";
import { unlockProfileEndpoint } from "../../schema";

export const POST = withApi(unlockProfileEndpoint, ({ principal, params, body }) => unlockProfile(principal, params.name, body.pin));
