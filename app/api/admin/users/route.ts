// GET /api/admin/users – list and search accounts
import { searchAccounts } from "@/lib/admin/users";
import { withApi } from "@/lib/api/with-api";
import { listUsersEndpoint } from "./schema";

export const GET = withApi(listUsersEndpoint, ({ principal, query }) => searchAccounts(principal, query));
