// POST /api/accounts/token – sign in and create a bearer token (401 on bad credentials)
import { signIn } from "@/lib/accounts/accounts";
import { withApi } from "@/lib/api/with-api";
import { createTokenEndpoint } from "../schema";

export const POST = withApi(createTokenEndpoint, async ({ body, ip, userAgent }) => {
  const { token, session } = await signIn(body, { ip, userAgent });
  return { bearer_token: token, expires_at: session.expiresAt.toISOString() };
});
