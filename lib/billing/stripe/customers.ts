import "server-only";
import { findAccountById } from "@/db/queries/accounts";
import {
  claimBillingCustomer,
  findBillingCustomer,
  releaseBillingCustomerClaim,
  setBillingCustomerId,
} from "@/db/queries/billing";
import type { BillingAddress } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { callStripe, stripe, stripeEnabled } from "./client";

const STALE_CLAIM_MS = 30_000;
const WAIT_STEP_MS = 100;

/**
 * The account's Stripe customer, created on first need. Exactly one caller claims the creation (a row in
 * billing_customers); concurrent callers — a double click, two tabs — wait for its result instead of creating a
 * second customer. The idempotency key makes a retry after a lost response return the same customer.
 */
export async function ensureCustomer(accountId: string): Promise<string> {
  const deadline = Date.now() + STALE_CLAIM_MS + 5_000;
  while (Date.now() < deadline) {
    const existing = await findBillingCustomer(accountId);
    if (existing?.stripeCustomerId) return existing.stripeCustomerId;
    if (await claimBillingCustomer(accountId, STALE_CLAIM_MS)) return createCustomer(accountId);
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
  throw new ApiError("service_unavailable", "Your billing account is still being set up. Please try again.", undefined, { "Retry-After": "5" });
}

async function createCustomer(accountId: string): Promise<string> {
  try {
    const account = await findAccountById(accountId);
    if (!account) throw new ApiError("forbidden");
    const address = account.billingAddress;
    const customer = await callStripe(() =>
      stripe().customers.create(
        { email: account.email, name: address?.name ?? account.username, ...(address && { address: stripeAddress(address) }), metadata: { account_id: accountId } },
        { idempotencyKey: `normflix-customer-${accountId}` },
      ),
    );
    await setBillingCustomerId(accountId, customer.id);
    return customer.id;
  } catch (error) {
    await releaseBillingCustomerClaim(accountId).catch(() => undefined);
    throw error;
  }
}

/** A billing address as Stripe's customer `address` (empty strings unset optional parts). */
export const stripeAddress = (address: BillingAddress) => ({
  line1: address.line1,
  line2: address.line2 ?? "",
  city: address.city,
  postal_code: address.postal_code,
  state: address.state ?? "",
  country: address.country,
});

/** The account's Stripe customer id if it has one already (no Stripe call). */
export async function existingCustomer(accountId: string): Promise<string | undefined> {
  return (await findBillingCustomer(accountId))?.stripeCustomerId ?? undefined;
}

/**
 * Gives the account's Stripe customer (if it has one) a new email, so receipts and the portal follow an email change.
 * The change itself is already saved: if Stripe cannot be reached it is logged, not undone.
 */
export async function updateCustomerEmail(accountId: string, email: string): Promise<void> {
  const customerId = stripeEnabled() ? await existingCustomer(accountId) : undefined;
  if (!customerId) return;
  await callStripe(() => stripe().customers.update(customerId, { email })).catch((error) =>
    console.error(`billing: the Stripe customer ${customerId} keeps its old email: ${error instanceof Error ? error.message : error}`),
  );
}
