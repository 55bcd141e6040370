// GET /api/accounts/invoices – billing history, newest first
import { withApi } from "@/lib/api/with-api";
import { listInvoices } from "@/lib/billing/invoices";
import { listInvoicesEndpoint } from "../../billing/schema";

export const GET = withApi(listInvoicesEndpoint, async ({ principal, query }) => listInvoices(principal.accountId, query));
