// PUT /api/accounts/payment-methods/<id>/default – the card invoices are charged to
import { withApi } from "@/lib/api/with-api";
import { setDefaultPaymentMethod } from "@/lib/billing/payment-methods";
import { setDefaultPaymentMethodEndpoint } from "../../schema";

export const PUT = withApi(setDefaultPaymentMethodEndpoint, ({ principal, params }) => setDefaultPaymentMethod(principal, params.payment_method_id));
