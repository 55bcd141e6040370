// POST /api/accounts/token – sign in and create a bearer token and refresh token (401 on bad credentials)
import { signIn } from "@/lib/accounts/accounts";
import { tokenPairOf } from "@/lib/accounts/sessions";
import { withApi } from "@/lib/api/with-api";
import { createTokenEndpoint } from "../schema";

export const POST = withApi(createTokenEndpoint, async ({ body, ip, userAgent }) => tokenPairOf(await signIn(body, { ip, userAgent })));
