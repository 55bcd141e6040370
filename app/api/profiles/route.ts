// GET /api/profiles – the account's profiles
import { withApi } from "@/lib/api/with-api";
import { listAccountProfiles } from "@/lib/profiles/profiles";
import { listProfilesEndpoint } from "./schema";

export const GET = withApi(listProfilesEndpoint, ({ principal }) => listAccountProfiles(principal));
