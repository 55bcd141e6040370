// POST /api/accounts/email/verify – confirm the account's address with the token of the mailed link
import { verifyEmail } from "@/lib/accounts/email-verification";
import { withApi } from "@/lib/api/with-api";
import { verifyEmailEndpoint } from "../../security-schema";

export const POST = withApi(verifyEmailEndpoint, ({ body }) => verifyEmail(body.token));
