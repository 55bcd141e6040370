import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { billingAddressInput } from "@/lib/billing/billing-address";

// The account's billing address, kept with its Stripe customer (invoices and receipts show it).

const tag = "Accounts";

const billingAddress = z.object({
  billing_address: z
    .object({
      name: z.string(),
      line1: z.string(),
      line2: z.string().nullable(),
      city: z.string(),
      postal_code: z.string(),
      state: z.string().nullable(),
      country: z.string().describe("ISO 3166-1 alpha-2."),
    })
    .nullable(),
});

export const getBillingAddressEndpoint = endpoint({
  method: "GET",
  path: "/api/accounts/billing-address",
  summary: "The account's billing address",
  tag,
  auth: "required",
  accountHolder: true,
  response: billingAddress,
  errors: ["forbidden"],
});

export const setBillingAddressEndpoint = endpoint({
  method: "PUT",
  path: "/api/accounts/billing-address",
  summary: "Set the account's billing address",
  description: "Kept on the account and its Stripe customer (told first: if Stripe cannot be reached, 503 and nothing changes).",
  tag,
  auth: "required",
  accountHolder: true,
  body: billingAddressInput,
  response: billingAddress,
  errors: ["forbidden", "validation_failed", "service_unavailable"],
});

export const removeBillingAddressEndpoint = endpoint({
  method: "DELETE",
  path: "/api/accounts/billing-address",
  summary: "Remove the account's billing address",
  tag,
  auth: "required",
  accountHolder: true,
  response: billingAddress,
  errors: ["forbidden", "service_unavailable"],
});
