// GET /api/accounts/payment-methods – the account's cards; POST – a Checkout page (setup mode) to add one
import { withApi } from "@/lib/api/with-api";
import { addPaymentMethod, listPaymentMethods } from "@/lib/billing/payment-methods";
import { addPaymentMethodEndpoint, listPaymentMethodsEndpoint } from "./schema";

export const GET = withApi(listPaymentMethodsEndpoint, ({ principal }) => listPaymentMethods(principal));
export const POST = withApi(addPaymentMethodEndpoint, ({ principal }) => addPaymentMethod(principal));
