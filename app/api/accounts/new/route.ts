// POST /api/accounts/new – create an account (409 when the username or email is taken)
import { createAccount } from "@/lib/accounts/accounts";
import { withApi } from "@/lib/api/with-api";
import { createAccountEndpoint } from "../schema";

export const POST = withApi(createAccountEndpoint, ({ body }) => createAccount(body));
