// GET /api/accounts/security/events – the account's recent security events, newest first
import { recentSecurityEvents } from "@/lib/accounts/security-events";
import { withApi } from "@/lib/api/with-api";
import { listSecurityEventsEndpoint } from "../../security-schema";

export const GET = withApi(listSecurityEventsEndpoint, ({ principal, query }) => recentSecurityEvents(principal.accountId, query.limit, query.offset));
