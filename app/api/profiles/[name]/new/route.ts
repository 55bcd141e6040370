// POST /api/profiles/<name>/new – create a profile (409 duplicate name, 426 plan limit)
import { withApi } from "@/lib/api/with-api";
import { createProfile } from "@/lib/profiles/profiles";
import { createProfileEndpoint } from "../../schema";

export const POST = withApi(createProfileEndpoint, ({ principal, params }) => createProfile(principal, params.name));
