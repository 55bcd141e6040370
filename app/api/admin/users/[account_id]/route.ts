// GET /api/admin/users/<account_id> – one account with its plan and live sessions; DELETE – delete it and its data
import { deleteUserAccount, getAccountDetail } from "@/lib/admin/users";
import { withApi } from "@/lib/api/with-api";
import { deleteUserEndpoint, getUserEndpoint } from "../schema";

export const GET = withApi(getUserEndpoint, ({ principal, params }) => getAccountDetail(principal, params.account_id));

export const DELETE = withApi(deleteUserEndpoint, ({ principal, params }) => deleteUserAccount(principal, params.account_id));
