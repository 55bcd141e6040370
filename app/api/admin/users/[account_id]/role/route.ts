// PUT /api/admin/users/<account_id>/role – grant or take the admin role
import { changeAccountRole } from "@/lib/admin/users";
import { withApi } from "@/lib/api/with-api";
import { setUserRoleEndpoint } from "../../schema";

export const PUT = withApi(setUserRoleEndpoint, ({ principal, params, body }) => changeAccountRole(principal, params.account_id, body.role));
