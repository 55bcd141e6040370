// POST /api/accounts/password/reset – set a new password with a reset link's token; signs out every session
import { resetPassword } from "@/lib/accounts/password-reset";
import { withApi } from "@/lib/api/with-api";
import { resetPasswordEndpoint } from "../../schema";

export const POST = withApi(resetPasswordEndpoint, async ({ body, ip, userAgent }) => ({
  message: "Password updated. Sign in with the new one.",
  ...(await resetPassword(body.token, body.new_password, { ip, userAgent })),
}));
