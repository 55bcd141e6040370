// POST /api/accounts/password/forgot – mail a reset link, answering the same whether or not the address has an account
import { after } from "next/server";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { withApi } from "@/lib/api/with-api";
import { forgotPasswordEndpoint } from "../../schema";

export const POST = withApi(forgotPasswordEndpoint, async ({ body }) => {
  // After the answer, so neither its content nor its timing says whether an account uses the address.
  after(() => requestPasswordReset(body.email));
  return { message: "If an account uses that address, a reset link is on its way." };
});
