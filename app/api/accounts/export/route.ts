// GET /api/accounts/export – everything stored about the account, as JSON
import { exportAccount } from "@/lib/accounts/account-data";
import { withApi } from "@/lib/api/with-api";
import { exportAccountEndpoint } from "../security-schema";

export const GET = withApi(exportAccountEndpoint, ({ principal }) => exportAccount(principal.accountId));
