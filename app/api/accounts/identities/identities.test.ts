// Single sign-on against a real OpenID Connect provider (oidc-provider, started here): a NormFlix server of its own
// is configured with it as its generic issuer, and each sign-in goes through next-auth's endpoints and the provider's
// login form over HTTP, as a browser does. The identity rules: a new address makes an account; an address an account
// uses is linked only when the provider says it is verified and the account's password is given; an unverified one
// never takes an account over; an identity is unlinked only while another way in remains.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAdminServer } from "@/app/api/admin/test-server";
import { linksSentTo, mailsSentTo } from "@/test/mail";
import { identityLogin, oidcEnv, startOidcProvider, type TestOidcProvider } from "@/test/oidc-provider";
import { confirmLink, linkRequestOf, ssoSignIn } from "@/test/sso-flow";

let idp: TestOidcProvider;
beforeAll(async () => {
  idp = await startOidcProvider();
});
const app = useAdminServer(() => ({ WORKER_IN_PROCESS: "false", ...oidcEnv(idp) }));
beforeAll(() => idp.allowRedirectTo(`${app.url}/auth/callback/oidc`));
afterAll(() => idp?.stop());

const person = (verified: boolean, email = `sso_${randomUUID().slice(0, 8)}@example.com`) => ({
  subject: `sub-${randomUUID()}`,
  email,
  emailVerified: verified,
});

/** Cookie-authenticated calls; changes carry the site's Origin, as the site's own scripts do. */
const withCookie = (cookie: string, method = "GET") => ({ headers: { cookie, ...(method === "GET" ? {} : { origin: app.url }) } });

const me = async (cookie: string) => (await app.call("GET", "/api/accounts/me", withCookie(cookie))).body;
const eventsOf = async (options: { token?: string; headers?: Record<string, string> }) =>
  (await app.call("GET", "/api/accounts/security/events?limit=50", options)).body.items as { kind: string; detail: string | null }[];

async function passwordAccount(email: string) {
  const username = `pw_${randomUUID().slice(0, 8)}`;
  const password = "correct horse battery";
  const created = await app.call("POST", "/api/accounts/new", { body: { username, password, email } });
  expect(created.status).toBe(200);
  const signedIn = await app.call("POST", "/api/accounts/token", { body: { username, password }, headers: { "user-agent": "first-device" } });
  return { id: created.body.id as string, username, password, token: signedIn.body.bearer_token as string };
}

describe("single sign-on with a local OpenID provider", () => {
  it("offers the configured provider on /signin and /signup", async () => {
    for (const page of ["/signin", "/signup"]) {
      const html = (await app.call("GET", page)).text.replaceAll("<!-- -->", "");
      expect(html, page).toContain("Continue with Test ID");
      expect(html, page).not.toContain("Continue with Google");
    }
  });

  it("makes an account on a first sign-in with a verified address, and signs in to it again", async () => {
    const who = person(true);
    const first = await ssoSignIn(app.url, identityLogin(who), { userAgent: "laptop" });
    expect(first).toMatchObject({ signedIn: true, location: "/profiles" });
    const account = await me(first.cookie);
    expect(account).toMatchObject({ email: who.email, email_verified: true });

    const listed = await app.call("GET", "/api/accounts/identities", withCookie(first.cookie));
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, limit: 20, offset: 0, items: [{ provider: "oidc", provider_name: "Test ID", subject: identityLogin(who), email: who.email }] });

    const again = await ssoSignIn(app.url, identityLogin(who), { userAgent: "laptop" });
    expect(again.signedIn).toBe(true);
    expect((await me(again.cookie)).id).toBe(account.id);
    const sso = (await eventsOf(withCookie(again.cookie))).filter((event) => event.kind === "sso_sign_in");
    expect(sso).toHaveLength(2);
    expect(sso[0].detail).toBe("oidc");
  });

  it("makes an unverified account when the provider does not vouch for a new address, and mails it a link", async () => {
    const who = person(false);
    const signedIn = await ssoSignIn(app.url, identityLogin(who));
    expect(signedIn.signedIn).toBe(true);
    expect(await me(signedIn.cookie)).toMatchObject({ email: who.email, email_verified: false });
    await expect.poll(() => linksSentTo(app.dataDir, who.email, "verify-email").length).toBe(1);
  });

  it("never lets an unverified address take over the account that uses it", async () => {
    const who = person(false);
    const owner = await passwordAccount(who.email);
    const attempt = await ssoSignIn(app.url, identityLogin(who));
    expect(attempt).toMatchObject({ signedIn: false, location: "/signin?error=identity_email_unverified" });
    expect((await app.call("GET", "/api/accounts/identities", { token: owner.token })).body.total).toBe(0);
    expect((await eventsOf({ token: owner.token })).map((event) => event.kind)).not.toContain("sso_sign_in");
    // The sign-in page says why.
    expect((await app.call("GET", attempt.location)).text).toContain("does not say the address is verified");
  });

  it("links a verified address to its account only with that account's password", async () => {
    const who = person(true);
    const owner = await passwordAccount(who.email);
    const attempt = await ssoSignIn(app.url, identityLogin(who), { userAgent: "new-tablet" });
    expect(attempt.signedIn).toBe(false);
    expect(attempt.location).toMatch(/^\/signin\/link\?request=/);
    const request = linkRequestOf(attempt.location);
    expect((await app.call("GET", attempt.location)).text).toContain(`An account already uses <strong class="text-white">${who.email}</strong>`);
    expect((await app.call("GET", "/api/accounts/identities", { token: owner.token })).body.total).toBe(0);

    // A wrong password, or a request altered to name another identity, links nothing.
    expect((await confirmLink(app.url, request, { password: "not the password" })).signedIn).toBe(false);
    const [payload, signature] = request.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), s: "someone-else" })).toString("base64url");
    expect((await confirmLink(app.url, `${forged}.${signature}`, { password: owner.password })).signedIn).toBe(false);
    expect((await app.call("GET", "/api/accounts/identities", { token: owner.token })).body.total).toBe(0);

    const linked = await confirmLink(app.url, request, { password: owner.password }, { userAgent: "new-tablet" });
    expect(linked.signedIn).toBe(true);
    expect((await me(linked.cookie)).id).toBe(owner.id);
    const identities = (await app.call("GET", "/api/accounts/identities", { token: owner.token })).body;
    expect(identities.items).toEqual([expect.objectContaining({ provider: "oidc", subject: identityLogin(who), email: who.email })]);
    expect(await eventsOf({ token: owner.token })).toContainEqual(expect.objectContaining({ kind: "identity_linked", detail: "oidc" }));

    // From now on the provider signs in to that account directly.
    const direct = await ssoSignIn(app.url, identityLogin(who), { userAgent: "new-tablet" });
    expect(direct.signedIn).toBe(true);
    expect((await me(direct.cookie)).id).toBe(owner.id);
  });

  it("alerts the owner of a single sign-on from a device the account never used, as for a password", async () => {
    const who = person(true);
    const owner = await passwordAccount(who.email);
    const request = linkRequestOf((await ssoSignIn(app.url, identityLogin(who), { userAgent: "phone-a" })).location);
    expect((await confirmLink(app.url, request, { password: owner.password }, { userAgent: "phone-a" })).signedIn).toBe(true);
    const alerts = () => mailsSentTo(app.dataDir, who.email).filter((mail) => mail.includes("New sign-in to your NormFlix account"));
    await expect.poll(() => alerts().length).toBe(1);
    expect(alerts()[0]).toContain("phone-a");
    // The same device again: no new alert.
    expect((await ssoSignIn(app.url, identityLogin(who), { userAgent: "phone-a" })).signedIn).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alerts()).toHaveLength(1);
  });

  it("unlinks an identity only while the account keeps another way in", async () => {
    // An account made by single sign-on has no password: its only identity stays.
    const only = await ssoSignIn(app.url, identityLogin(person(true)));
    const refused = await app.call("DELETE", "/api/accounts/identities/oidc", withCookie(only.cookie, "DELETE"));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("last_sign_in_method");
    expect((await app.call("GET", "/api/accounts/identities", withCookie(only.cookie))).body.total).toBe(1);

    // An account with a password may unlink it (bearer token).
    const who = person(true);
    const owner = await passwordAccount(who.email);
    const request = linkRequestOf((await ssoSignIn(app.url, identityLogin(who))).location);
    expect((await confirmLink(app.url, request, { password: owner.password })).signedIn).toBe(true);
    const unlinked = await app.call("DELETE", "/api/accounts/identities/oidc", { token: owner.token });
    expect(unlinked).toMatchObject({ status: 200, body: { unlinked: true } });
    expect((await app.call("GET", "/api/accounts/identities", { token: owner.token })).body).toMatchObject({ total: 0, items: [] });
    expect(await eventsOf({ token: owner.token })).toContainEqual(expect.objectContaining({ kind: "identity_unlinked", detail: "oidc" }));
    const again = await app.call("DELETE", "/api/accounts/identities/oidc", { token: owner.token });
    expect([again.status, again.body.error.code]).toEqual([404, "identity_not_found"]);
    // Unlinked, the same identity is a stranger again: the address is the account's, so it asks for the password.
    expect((await ssoSignIn(app.url, identityLogin(who))).location).toMatch(/^\/signin\/link\?request=/);
  });

  it("answers the identities endpoints only to the account, with the documented parameters", async () => {
    expect((await app.call("GET", "/api/accounts/identities")).status).toBe(403);
    expect((await app.call("DELETE", "/api/accounts/identities/oidc")).status).toBe(403);
    const owner = await passwordAccount(`plain_${randomUUID().slice(0, 8)}@example.com`);
    const unknown = await app.call("GET", "/api/accounts/identities?provider=oidc", { token: owner.token });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, "unknown_parameter"]);
    expect((await app.call("DELETE", "/api/accounts/identities/Not%20A%20Provider", { token: owner.token })).status).toBe(422);
    const document = (await app.call("GET", "/api/openapi.json")).body;
    expect(document.paths["/api/accounts/identities"].get.operationId).toBe("listIdentities");
    expect(document.paths["/api/accounts/identities/{provider}"].delete.operationId).toBe("unlinkIdentity");
  });
});
