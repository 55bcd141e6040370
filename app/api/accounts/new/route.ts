// POST /api/accounts/new – create an account (409 when the username or email is taken); the address gets a
// confirmation link after answering
import { after } from "next/server";
import { createAccount } from "@/lib/accounts/accounts";
import { mailVerificationLink } from "@/lib/accounts/email-verification";
import { withApi } from "@/lib/api/with-api";
import { createAccountEndpoint } from "../schema";

export const POST = withApi(createAccountEndpoint, async ({ body }) => {
  const account = await createAccount(body);
  after(() => mailVerificationLink(account.id));
  return account;
});
