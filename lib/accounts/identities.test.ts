import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "@/test/fresh-database";

// The identity rules at the service level, with the claims a provider would send (the whole flow against a real
// OpenID provider is app/api/accounts/identities/identities.test.ts): what only the database can decide — races —
// and what no HTTP flow reaches on its own.

// Before useFreshDatabase's hook: lib/env reads the environment once, when first imported.
beforeAll(() => {
  Object.assign(process.env, {
    AUTH_GOOGLE_ID: "google-client",
    AUTH_GOOGLE_SECRET: "google-secret",
    OIDC_ISSUER: "https://id.example.test",
    OIDC_CLIENT_ID: "client",
    OIDC_CLIENT_SECRET: "secret",
  });
});

useFreshDatabase();

let m: {
  identities: typeof import("./identities");
  sessions: typeof import("./sessions");
  accounts: typeof import("@/db/queries/accounts");
  adminUsers: typeof import("@/db/queries/admin-users");
  password: typeof import("./password");
};

beforeAll(async () => {
  m = {
    identities: await import("./identities"),
    sessions: await import("./sessions"),
    accounts: await import("@/db/queries/accounts"),
    adminUsers: await import("@/db/queries/admin-users"),
    password: await import("./password"),
  };
});

const device = { ip: "10.6.6.6", userAgent: "identities-test" };
const claims = (provider: string, email: string, emailVerified = true) => ({ provider, subject: `sub-${randomUUID()}`, email, emailVerified });
const newEmail = () => `id_${randomUUID().slice(0, 8)}@example.com`;

async function signedIn(outcome: Awaited<ReturnType<typeof import("./identities").signInWithSso>>) {
  if (outcome.kind !== "signed_in") throw new Error(`expected a sign-in, got ${outcome.kind}`);
  return (await m.sessions.authenticateToken(outcome.token))!;
}

describe("identity rules", () => {
  it("keeps one way in when two unlinks of an account's only two identities race", async () => {
    const email = newEmail();
    const google = claims("google", email);
    const principal = await signedIn(await m.identities.signInWithSso(google, device));
    // The same person's second identity: the address is now the account's, so it links only with a password — which
    // this account has none of. Linked here through the query, as an admin tool would.
    const { insertIdentity } = await import("@/db/queries/identities");
    await insertIdentity({ provider: "oidc", subject: `sub-${randomUUID()}`, accountId: principal.accountId, email });

    const results = await Promise.allSettled([
      m.identities.unlinkIdentity(principal, "google", device),
      m.identities.unlinkIdentity(principal, "oidc", device),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "last_sign_in_method", status: 409 });
    expect((await m.identities.identitiesOf(principal.accountId)).total).toBe(1);
  });

  it("refuses an identity whose account is disabled, and a provider that is not configured", async () => {
    const apple = claims("apple", newEmail());
    await expect(m.identities.signInWithSso(apple, device)).rejects.toMatchObject({ code: "forbidden" });
    const google = claims("google", newEmail());
    const principal = await signedIn(await m.identities.signInWithSso(google, device));
    await m.adminUsers.setAccountDisabled(principal.accountId, true);
    await expect(m.identities.signInWithSso(google, device)).rejects.toMatchObject({ code: "invalid_credentials" });
  });

  it("needs an address, and links a verified one only through a genuine, unexpired request", async () => {
    await expect(m.identities.signInWithSso({ provider: "oidc", subject: "no-mail", emailVerified: true }, device)).rejects.toMatchObject({ code: "identity_email_missing" });
    const email = newEmail();
    const username = `pw_${randomUUID().slice(0, 8)}`;
    await m.accounts.insertAccount({ username, email, passwordHash: await m.password.hashPassword("the password") });
    // The address in another case is the same address.
    const outcome = await m.identities.signInWithSso(claims("oidc", email.toUpperCase()), device);
    if (outcome.kind !== "link_required") throw new Error("expected a link request");
    expect(m.identities.readLinkRequest(outcome.linkToken)).toMatchObject({ provider: "oidc", email: email.toUpperCase() });
    expect(m.identities.readLinkRequest(`${outcome.linkToken}x`)).toBeUndefined();
    const realNow = Date.now;
    try {
      Date.now = () => realNow() + 16 * 60_000;
      await expect(m.identities.linkIdentityWithPassword(outcome.linkToken, { password: "the password" }, device)).rejects.toMatchObject({ code: "link_request_invalid" });
    } finally {
      Date.now = realNow;
    }
    const linked = await m.identities.linkIdentityWithPassword(outcome.linkToken, { password: "the password" }, device);
    expect(linked.account.username).toBe(username);
  });

  it("a linked identity of an account with two-factor sign-in still asks for its code, single use", async () => {
    const { Secret, TOTP } = await import("otpauth");
    const { setUpTwoFactor, enableTwoFactor } = await import("./two-factor");
    const google = claims("google", newEmail());
    const principal = await signedIn(await m.identities.signInWithSso(google, device));
    const setup = await setUpTwoFactor(principal);
    const totp = new TOTP({ secret: Secret.fromBase32(setup.secret), digits: 6, period: 30, algorithm: "SHA1" });
    await enableTwoFactor(principal, totp.generate({ timestamp: Date.now() - 30_000 }), device);

    const outcome = await m.identities.signInWithSso(google, device);
    if (outcome.kind !== "second_factor_required") throw new Error(`expected the code to be asked for, got ${outcome.kind}`);
    await expect(m.identities.linkIdentityWithPassword(outcome.linkToken, {}, device)).rejects.toMatchObject({ code: "two_factor_required" });
    await expect(m.identities.linkIdentityWithPassword(outcome.linkToken, { otp: "000000" }, device)).rejects.toMatchObject({ code: "two_factor_required" });
    const code = totp.generate();
    const done = await m.identities.linkIdentityWithPassword(outcome.linkToken, { otp: code }, device);
    expect(done.account.id).toBe(principal.accountId);
    expect(await m.sessions.authenticateToken(done.token)).toBeDefined();
    // The same code again, on a fresh request: refused.
    const again = await m.identities.signInWithSso(google, device);
    if (again.kind !== "second_factor_required") throw new Error(`expected the code to be asked for, got ${again.kind}`);
    await expect(m.identities.linkIdentityWithPassword(again.linkToken, { otp: code }, device)).rejects.toMatchObject({ code: "two_factor_required" });
  });
});
