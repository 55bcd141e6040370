// GET /api/accounts/me – the signed-in account, its subscription and profile limit
import { describeAccount } from "@/lib/accounts/accounts";
import { withApi } from "@/lib/api/with-api";
import { meEndpoint } from "../schema";

export const GET = withApi(meEndpoint, ({ principal }) => describeAccount(principal));
