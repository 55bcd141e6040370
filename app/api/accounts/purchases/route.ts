// GET /api/accounts/purchases – the account's rentals and purchases, with what is left of each
import { withApi } from "@/lib/api/with-api";
import { listPurchases } from "@/lib/purchases/purchases";
import { listPurchasesEndpoint } from "../../purchases/schema";

export const GET = withApi(listPurchasesEndpoint, ({ principal, query }) => listPurchases(principal, query));
