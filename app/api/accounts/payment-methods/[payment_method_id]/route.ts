// DELETE /api/accounts/payment-methods/<id> – remove a card
import { withApi } from "@/lib/api/with-api";
import { removePaymentMethod } from "@/lib/billing/payment-methods";
import { removePaymentMethodEndpoint } from "../schema";

export const DELETE = withApi(removePaymentMethodEndpoint, ({ principal, params }) => removePaymentMethod(principal, params.payment_method_id));
