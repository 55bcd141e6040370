// GET /api/admin/users/<account_id> – one account with its plan and live sessions
import { getAccountDetail } from "@/lib/admin/users";
import { withApi } from "@/lib/api/with-api";
import { getUserEndpoint } from "../schema";

export const GET = withApi(getUserEndpoint, ({ principal, params }) => getAccountDetail(principal, params.account_id));
