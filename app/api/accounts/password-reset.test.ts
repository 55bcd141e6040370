// Forgotten passwords over the API, against the running server: the link arrives in its DATA_DIR/mail outbox.
import { describe, expect, inject, it } from "vitest";
import { api, createAccount, expectEnvelope, randomIp, signIn, uniqueName } from "@/test/http";
import { resetLinksSentTo, waitForResetLink } from "@/test/mail";

const forgot = (email: string) => api("POST", "/api/accounts/password/forgot", { body: { email }, ip: randomIp() });
const reset = (token: string, new_password: string) =>
  api("POST", "/api/accounts/password/reset", { body: { token, new_password }, ip: randomIp() });
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

describe("password reset", () => {
  it("answers 202 with the same message whether or not an account uses the address", async () => {
    const account = await createAccount();
    const known = await forgot(account.email.toUpperCase());
    const unknown = await forgot(`${uniqueName("nobody")}@example.com`);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    // Mailed after the answer, to the address as the account stored it.
    expect(await waitForResetLink(inject("dataDir"), account.email)).toMatch(/\/reset-password\?token=nfr_/);
    expectEnvelope(await api("POST", "/api/accounts/password/forgot", { body: {}, ip: randomIp() }), 422, "validation_failed");
  });

  it("sets the new password once and signs out every session", async () => {
    const account = await createAccount();
    const secondDevice = await signIn(account.username, account.password);
    await forgot(account.email);
    const token = tokenOf(await waitForResetLink(inject("dataDir"), account.email));

    expectEnvelope(await reset(token, "short"), 422, "validation_failed");
    const done = await reset(token, "a brand new passphrase");
    expect(done.status).toBe(200);
    expect(done.body.signed_out_sessions).toBe(2);

    for (const bearer of [account.token, secondDevice]) {
      expect((await api("GET", "/api/accounts/me", { token: bearer })).status).toBe(403);
    }
    await expect(signIn(account.username, account.password)).rejects.toThrow(/401/);
    const fresh = await signIn(account.username, "a brand new passphrase");
    expect((await api("GET", "/api/accounts/me", { token: fresh })).body.username).toBe(account.username);

    expectEnvelope(await reset(token, "yet another passphrase"), 410, "reset_link_invalid");
  });

  it("lets an owner locked out by failed sign-ins sign in right after the reset", async () => {
    const account = await createAccount();
    const ip = randomIp();
    const attempt = (password: string) => api("POST", "/api/accounts/token", { body: { username: account.username, password }, ip });
    for (let i = 0; i < 10; i++) expect((await attempt("a wrong guess")).status).toBe(401);
    expectEnvelope(await attempt(account.password), 429, "rate_limited");

    await forgot(account.email);
    const token = tokenOf(await waitForResetLink(inject("dataDir"), account.email));
    const done = await api("POST", "/api/accounts/password/reset", { body: { token, new_password: "a brand new passphrase" }, ip });
    expect(done.status).toBe(200);
    expect((await attempt("a brand new passphrase")).status).toBe(200);
  });

  it("refuses made-up tokens and mails one link a minute per account", async () => {
    expectEnvelope(await reset("nfr_" + "A".repeat(43), "a brand new passphrase"), 410, "reset_link_invalid");
    expectEnvelope(await reset("not even the shape", "a brand new passphrase"), 410, "reset_link_invalid");

    const account = await createAccount();
    await forgot(account.email);
    const first = await waitForResetLink(inject("dataDir"), account.email);
    await forgot(account.email);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(resetLinksSentTo(inject("dataDir"), account.email)).toEqual([first]);
  });
});
