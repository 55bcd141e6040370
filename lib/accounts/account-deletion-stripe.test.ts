import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeStripe } from "@/test/fake-stripe/fake-stripe";
import { useFreshDatabase } from "@/test/fresh-database";

// Deleting an account billed by Stripe, at the service level: the app's real `stripe` client talks to the fake Stripe
// API. The subscription is cancelled at Stripe first (so nobody is charged for a deleted account), then no row of the
// account is left in any table; when Stripe cannot be reached, nothing is deleted.

const fake = new FakeStripe({ price_basic: 799, price_standard: 1549, price_premium: 2299 });

// Before useFreshDatabase's hook: lib/env reads the environment once, when first imported.
beforeAll(async () => {
  await fake.start();
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_fake",
    STRIPE_WEBHOOK_SECRET: "whsec_fake_deletion",
    STRIPE_PRICE_BASIC: "price_basic",
    STRIPE_PRICE_STANDARD: "price_standard",
    STRIPE_PRICE_PREMIUM: "price_premium",
    STRIPE_API_BASE: fake.url,
    APP_URL: "https://normflix.test",
  });
});
let fakeRunning = true;
afterAll(async () => {
  if (fakeRunning) await fake.stop();
});

useFreshDatabase();

let m: {
  client: typeof import("@/db/client");
  schema: typeof import("@/db/schema");
  accountQueries: typeof import("@/db/queries/accounts");
  accountData: typeof import("@/db/queries/account-data");
  identities: typeof import("@/db/queries/identities");
  accounts: typeof import("./accounts");
  deletion: typeof import("./account-data");
  password: typeof import("./password");
  billing: typeof import("@/lib/billing");
};

beforeAll(async () => {
  m = {
    client: await import("@/db/client"),
    schema: await import("@/db/schema"),
    accountQueries: await import("@/db/queries/accounts"),
    accountData: await import("@/db/queries/account-data"),
    identities: await import("@/db/queries/identities"),
    accounts: await import("./accounts"),
    deletion: await import("./account-data"),
    password: await import("./password"),
    billing: await import("@/lib/billing"),
  };
});

/** An account paying for Standard through Checkout, signed in once, with a profile and a linked identity. */
async function payingAccount() {
  const username = `del_${randomUUID().slice(0, 8)}`;
  const account = await m.accountQueries.insertAccount({ username, email: `${username}@example.com`, passwordHash: await m.password.hashPassword("the password") });
  await m.accounts.signIn({ username, password: "the password" }, { ip: "10.5.5.5", userAgent: "deletion-test" });
  const [profile] = await m.client.db().insert(m.schema.profiles).values({ accountId: account.id, name: "Main" }).returning();
  await m.identities.insertIdentity({ provider: "oidc", subject: `sub-${username}`, accountId: account.id, email: account.email });
  const checkoutUrl = await m.billing.startCheckout(account.id, "standard");
  const sessionId = checkoutUrl.split("/").pop()!;
  const subscription = fake.completeCheckout(sessionId);
  expect(await m.billing.reconcileCheckout(sessionId)).toMatchObject({ plan: "standard", status: "active" });
  return { account, profile, subscriptionId: subscription.id as string };
}

async function leftovers(accountId: string, profileIds: string[]) {
  const left: Record<string, number> = {};
  for (const { table, column } of await m.accountData.tablesOwnedByAccounts()) {
    const rows = await m.accountData.rowsOfAccount(table, column, accountId, profileIds);
    if (rows.length) left[table] = rows.length;
  }
  return left;
}

describe("deleting an account billed by Stripe", () => {
  it("cancels the Stripe subscription first, then leaves no row of the account in any table", async () => {
    const doomed = await payingAccount();
    const kept = await payingAccount();
    expect(Object.keys(await leftovers(doomed.account.id, [doomed.profile.id]))).toEqual(
      expect.arrayContaining(["subscriptions", "sessions", "profiles", "account_identities", "security_events"]),
    );

    await m.deletion.deleteAccount(doomed.account.id);

    expect(fake.subscriptions.get(doomed.subscriptionId)).toMatchObject({ status: "canceled", cancel_at_period_end: false });
    expect(fake.requests.filter((r) => r.method === "DELETE" && r.path === `/v1/subscriptions/${doomed.subscriptionId}`)).toHaveLength(1);
    expect(await m.accountQueries.findAccountById(doomed.account.id)).toBeUndefined();
    expect(await leftovers(doomed.account.id, [doomed.profile.id])).toEqual({});
    // The other member is untouched, at Stripe and here.
    expect(fake.subscriptions.get(kept.subscriptionId)).toMatchObject({ status: "active" });
    expect(await leftovers(kept.account.id, [kept.profile.id])).toMatchObject({ subscriptions: 1, account_identities: 1, profiles: 1 });
  });

  it("deletes nothing when Stripe cannot cancel the subscription", async () => {
    const member = await payingAccount();
    await fake.stop();
    fakeRunning = false;
    await expect(m.deletion.deleteAccount(member.account.id)).rejects.toMatchObject({ code: "service_unavailable" });
    expect(await m.accountQueries.findAccountById(member.account.id)).toBeDefined();
    expect(await leftovers(member.account.id, [member.profile.id])).toMatchObject({ subscriptions: 1, account_identities: 1 });
  });
});
