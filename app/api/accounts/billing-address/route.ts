// GET|PUT|DELETE /api/accounts/billing-address – where invoices are addressed
import { withApi } from "@/lib/api/with-api";
import { getBillingAddress, setBillingAddress } from "@/lib/billing/billing-address";
import { getBillingAddressEndpoint, removeBillingAddressEndpoint, setBillingAddressEndpoint } from "./schema";

export const GET = withApi(getBillingAddressEndpoint, ({ principal }) => getBillingAddress(principal));
export const PUT = withApi(setBillingAddressEndpoint, ({ principal, body }) => setBillingAddress(principal, body));
export const DELETE = withApi(removeBillingAddressEndpoint, ({ principal }) => setBillingAddress(principal, null));
