// POST /api/accounts/token/refresh – spend a refresh token for a new bearer token and refresh token
import { refreshApiSession, tokenPairOf } from "@/lib/accounts/sessions";
import { withApi } from "@/lib/api/with-api";
import { refreshTokenEndpoint } from "../../security-schema";

export const POST = withApi(refreshTokenEndpoint, async ({ body, ip, userAgent }) =>
  tokenPairOf(await refreshApiSession(body.refresh_token, { ip, userAgent })),
);
