// GET /api/accounts/identities – the account's linked single sign-on identities
import { identitiesOf } from "@/lib/accounts/identities";
import { withApi } from "@/lib/api/with-api";
import { listIdentitiesEndpoint } from "./schema";

export const GET = withApi(listIdentitiesEndpoint, ({ principal, query }) => identitiesOf(principal.accountId, query));
