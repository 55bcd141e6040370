import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { listOf } from "@/lib/api/query-schemas";

// The account's cards (API-DESIGN.md, "Billing, beyond the plan switch"), kept by Stripe.

const tag = "Accounts";

const paymentMethod = z.object({
  id: z.string(),
  brand: z.string().describe("visa, mastercard, amex…"),
  last4: z.string(),
  exp_month: z.number().int().nullable(),
  exp_year: z.number().int().nullable(),
  default: z.boolean().describe("The card invoices and renewals are charged to."),
});
const paymentMethods = listOf(paymentMethod);
const id = z.object({ payment_method_id: z.string().min(1).max(255).regex(/^[A-Za-z0-9_]+$/, "A payment method id, e.g. pm_…") });
const errors = ["forbidden", "payment_methods_unavailable", "service_unavailable"] as const;

export const listPaymentMethodsEndpoint = endpoint({
  method: "GET",
  path: "/api/accounts/payment-methods",
  summary: "The account's payment methods",
  description: "Cards on file with Stripe (brand, last 4, expiry, default); none on a server without Stripe.",
  tag,
  auth: "required",
  accountHolder: true,
  response: paymentMethods,
  errors: ["forbidden", "service_unavailable"],
});

export const addPaymentMethodEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/payment-methods",
  summary: "Add a card: a Checkout page in setup mode",
  description: "Send the user to `url`; the card is saved there and shows in the list. 409 `payment_methods_unavailable` without Stripe.",
  tag,
  auth: "required",
  accountHolder: true,
  response: z.object({ url: z.string() }),
  errors: [...errors],
});

export const setDefaultPaymentMethodEndpoint = endpoint({
  method: "PUT",
  path: "/api/accounts/payment-methods/{payment_method_id}/default",
  summary: "Make a card the default one",
  description: "Invoices, renewals of the running plan included, are charged to it. Answers the list.",
  tag,
  auth: "required",
  accountHolder: true,
  params: id,
  response: paymentMethods,
  errors: [...errors, "payment_method_not_found", "validation_failed"],
});

export const removePaymentMethodEndpoint = endpoint({
  method: "DELETE",
  path: "/api/accounts/payment-methods/{payment_method_id}",
  summary: "Remove a card",
  description:
    "The next card becomes the default when the default is removed. The only card of an account whose plan is running " +
    "is kept: 409 `payment_method_in_use` (add another first, or cancel the plan).",
  tag,
  auth: "required",
  accountHolder: true,
  params: id,
  response: z.object({}),
  errors: [...errors, "payment_method_not_found", "payment_method_in_use", "validation_failed"],
});
