// POST /api/admin/users/<account_id>/enable – let a disabled account sign in again
import { enableAccount } from "@/lib/admin/users";
import { withApi } from "@/lib/api/with-api";
import { enableUserEndpoint } from "../../schema";

export const POST = withApi(enableUserEndpoint, ({ principal, params }) => enableAccount(principal, params.account_id));
