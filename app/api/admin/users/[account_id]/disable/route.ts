// POST /api/admin/users/<account_id>/disable – disable an account and end its sessions
import { disableAccount } from "@/lib/admin/users";
import { withApi } from "@/lib/api/with-api";
import { disableUserEndpoint } from "../../schema";

export const POST = withApi(disableUserEndpoint, ({ principal, params }) => disableAccount(principal, params.account_id));
