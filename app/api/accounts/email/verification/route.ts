// POST /api/accounts/email/verification – mail the confirmation link again
import { resendVerificationLink } from "@/lib/accounts/email-verification";
import { withApi } from "@/lib/api/with-api";
import { resendVerificationEndpoint } from "../../security-schema";

export const POST = withApi(resendVerificationEndpoint, ({ principal }) => resendVerificationLink(principal));
