// PUT /api/profiles/<name>/name – rename a profile (409 on a clash, 404 for an unknown profile)
import { withApi } from "@/lib/api/with-api";
import { renameProfile } from "@/lib/profiles/profiles";
import { renameProfileEndpoint } from "../../schema";

export const PUT = withApi(renameProfileEndpoint, ({ principal, params, body }) => renameProfile(principal, params.name, body.name));
