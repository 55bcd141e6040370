import "server-only";
import { z } from "zod";
import { findAccountById, updateAccountSettings } from "@/db/queries/accounts";
import type { BillingAddress } from "@/db/schema";
import type { Principal } from "@/lib/accounts/sessions";
import { callStripe, stripe, stripeEnabled } from "./stripe/client";
import { existingCustomer, stripeAddress } from "./stripe/customers";

// Where invoices are addressed: kept on the account (both providers) and on its Stripe customer, which puts it on
// invoices and receipts. Stripe is told first, so the two never disagree: if Stripe cannot be reached nothing changes
// (503), and a customer made later starts with the address (stripe/customers.ts).

/** An ISO 3166-1 alpha-2 country code that names a country ("de" → "DE"). */
const country = z
  .string()
  .length(2)
  .transform((code) => code.toUpperCase())
  .refine((code) => /^[A-Z]{2}$/.test(code) && new Intl.DisplayNames(["en"], { type: "region" }).of(code) !== code, "Not an ISO 3166-1 country code (e.g. US, DE).");

const line = (max: number) => z.string().trim().min(1).max(max);
const optionalLine = (max: number) => z.string().trim().max(max).nullable().optional().transform((value) => value || null);

export const billingAddressInput = z.strictObject({
  name: line(200).describe("The person or company invoices are addressed to."),
  line1: line(200),
  line2: optionalLine(200),
  city: line(100),
  postal_code: line(20),
  state: optionalLine(100).describe("State, province or region, where the country has them."),
  country,
});

export async function getBillingAddress(principal: Principal): Promise<{ billing_address: BillingAddress | null }> {
  return { billing_address: (await findAccountById(principal.accountId))?.billingAddress ?? null };
}

/** Sets (or with null, removes) the account's billing address, on its Stripe customer first. */
export async function setBillingAddress(principal: Principal, address: BillingAddress | null) {
  const customerId = stripeEnabled() ? await existingCustomer(principal.accountId) : undefined;
  if (customerId) {
    await callStripe(() =>
      stripe().customers.update(customerId, address ? { name: address.name, address: stripeAddress(address) } : { address: "" }),
    );
  }
  await updateAccountSettings(principal.accountId, { billingAddress: address });
  return { billing_address: address };
}
