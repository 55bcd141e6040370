// POST /api/purchases – rent or buy a title; GET /api/purchases – the account's rentals and purchases
import { withApi } from "@/lib/api/with-api";
import { listPurchases, purchaseTitle } from "@/lib/purchases/purchases";
import { listPurchasesAliasEndpoint, purchaseTitleEndpoint } from "./schema";

export const POST = withApi(purchaseTitleEndpoint, async ({ principal, viewer, body }) => {
  const sold = await purchaseTitle(principal, viewer, body);
  // Granted at once (local provider): a new resource.
  return "purchase" in sold ? Response.json(sold, { status: 201 }) : sold;
});

export const GET = withApi(listPurchasesAliasEndpoint, ({ principal, query }) => listPurchases(principal, query));
