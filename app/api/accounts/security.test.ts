import { describe, expect, it } from "vitest";
import { api, createAccount, expectEnvelope, randomIp } from "@/test/http";

// Refresh tokens, security settings and the security log through the HTTP API.

const tokenFor = (username: string, password: string, extra: Record<string, string> = {}) =>
  api("POST", "/api/accounts/token", { body: { username, password, ...extra }, ip: randomIp(), headers: { "user-agent": "security-test/1" } });

describe("POST /api/accounts/token and /token/refresh", () => {
  it("answers a refresh token and expires_in beside the contract's fields, and rotates the pair", async () => {
    const account = await createAccount();
    const signedIn = await tokenFor(account.username, account.password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual({
      bearer_token: expect.stringMatching(/^nf_/),
      expires_at: expect.any(String),
      expires_in: expect.any(Number),
      refresh_token: expect.stringMatching(/^nfrt_/),
    });
    // The bearer token keeps its lifetime (API_TOKEN_TTL_DAYS, 90 days by default).
    expect(Math.abs(signedIn.body.expires_in - 90 * 86_400)).toBeLessThan(60);
    expect(Math.abs(Date.parse(signedIn.body.expires_at) - Date.now() - signedIn.body.expires_in * 1000)).toBeLessThan(5_000);

    const refreshed = await api("POST", "/api/accounts/token/refresh", { body: { refresh_token: signedIn.body.refresh_token } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(signedIn.body.refresh_token);
    expectEnvelope(await api("GET", "/api/accounts/me", { token: signedIn.body.bearer_token }), 403, "forbidden");
    expect((await api("GET", "/api/accounts/me", { token: refreshed.body.bearer_token })).status).toBe(200);

    // The spent token again: the family is revoked, the reuse logged.
    expectEnvelope(await api("POST", "/api/accounts/token/refresh", { body: { refresh_token: signedIn.body.refresh_token } }), 401, "refresh_token_reused");
    expectEnvelope(await api("GET", "/api/accounts/me", { token: refreshed.body.bearer_token }), 403, "forbidden");
    expectEnvelope(await api("POST", "/api/accounts/token/refresh", { body: { refresh_token: refreshed.body.refresh_token } }), 401);
    const events = await api("GET", "/api/accounts/security/events", { token: account.token });
    expect(events.body.items.map((event: { kind: string }) => event.kind)).toContain("refresh_token_reuse");
  });

  it("refuses unknown tokens with 401 and malformed bodies with 422", async () => {
    expectEnvelope(await api("POST", "/api/accounts/token/refresh", { body: { refresh_token: "nfrt_nothing" } }), 401, "refresh_token_invalid");
    expectEnvelope(await api("POST", "/api/accounts/token/refresh", { body: {} }), 422, "validation_failed");
    expectEnvelope(await api("POST", "/api/accounts/token/refresh", { body: { refresh_token: "x", extra: 1 } }), 422, "validation_failed");
  });
});

describe("GET|PATCH /api/accounts/security", () => {
  it("reads and changes login alerts and auto-logout, strictly", async () => {
    const account = await createAccount();
    const initial = await api("GET", "/api/accounts/security", { token: account.token });
    expect(initial.body).toEqual({ two_factor_enabled: false, login_alerts: true, auto_logout_minutes: null });
    const changed = await api("PATCH", "/api/accounts/security", { token: account.token, body: { login_alerts: false, auto_logout_minutes: 30 } });
    expect(changed.body).toEqual({ two_factor_enabled: false, login_alerts: false, auto_logout_minutes: 30 });
    expect((await api("GET", "/api/accounts/security", { token: account.token })).body).toEqual(changed.body);
    for (const body of [{ auto_logout_minutes: 1 }, { two_factor_enabled: true }, { login_alerts: "yes" }]) {
      expectEnvelope(await api("PATCH", "/api/accounts/security", { token: account.token, body }), 422, "validation_failed");
    }
    expectEnvelope(await api("GET", "/api/accounts/security"), 403, "forbidden");
  });

  it("lists the account's own security events, newest first", async () => {
    const account = await createAccount();
    const other = await createAccount();
    await api("PUT", "/api/accounts/password", { token: account.token, body: { password: "a brand new password" } });
    const events = await api("GET", "/api/accounts/security/events?limit=5", { token: account.token });
    expect(events.status).toBe(200);
    expect(events.body).toMatchObject({ total: 2, limit: 5, offset: 0 });
    expect(events.body.items.map((event: { kind: string }) => event.kind)).toEqual(["password_changed", "sign_in"]);
    const theirs = await api("GET", "/api/accounts/security/events", { token: other.token });
    expect(theirs.body.items.map((event: { kind: string }) => event.kind)).toEqual(["sign_in"]);
    expectEnvelope(await api("GET", "/api/accounts/security/events?page=2", { token: account.token }), 422);
  });
});

describe("two-factor sign-in through the API", () => {
  it("sets up, enables, requires and refuses replay of codes, and turns off with the password and a code", async () => {
    const { Secret, TOTP } = await import("otpauth");
    const account = await createAccount();
    const setup = await api("POST", "/api/accounts/2fa/setup", { token: account.token });
    expect(setup.status).toBe(200);
    expect(setup.body.otpauth_url).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.body.qr_svg).toMatch(/^<svg/);
    const totp = new TOTP({ secret: Secret.fromBase32(setup.body.secret), digits: 6, period: 30, algorithm: "SHA1" });

    expectEnvelope(await api("POST", "/api/accounts/2fa/enable", { token: account.token, body: { code: "000000" } }), 403, "two_factor_code_incorrect");
    const enabled = await api("POST", "/api/accounts/2fa/enable", { token: account.token, body: { code: totp.generate() } });
    expect(enabled.status).toBe(200);
    expect(enabled.body.recovery_codes).toHaveLength(10);
    expect((await api("GET", "/api/accounts/security", { token: account.token })).body.two_factor_enabled).toBe(true);

    expectEnvelope(await tokenFor(account.username, account.password), 401, "two_factor_required");
    expectEnvelope(await tokenFor(account.username, "wrong password", { otp: totp.generate() }), 401, "invalid_credentials");
    const otp = totp.generate({ timestamp: Date.now() + 30_000 });
    const signedIn = await tokenFor(account.username, account.password, { otp });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.refresh_token).toMatch(/^nfrt_/);
    expectEnvelope(await tokenFor(account.username, account.password, { otp }), 401, "two_factor_required");
    const recovered = await tokenFor(account.username, account.password, { recovery_code: enabled.body.recovery_codes[0] });
    expect(recovered.status).toBe(200);

    const disable = (body: object) => api("POST", "/api/accounts/2fa/disable", { token: account.token, body, ip: randomIp() });
    expectEnvelope(await disable({ password: "wrong password", code: enabled.body.recovery_codes[1] }), 403, "current_password_incorrect");
    expectEnvelope(await disable({ password: account.password }), 422, "validation_failed");
    expect((await disable({ password: account.password, code: enabled.body.recovery_codes[1] })).body).toEqual({ two_factor_enabled: false });
    expect((await tokenFor(account.username, account.password)).status).toBe(200);
  });
});

describe("name, phone and the account's own data through the API", () => {
  it("PATCH /api/accounts/me sets the name and an E.164 phone number, and GET shows them", async () => {
    const account = await createAccount();
    const before = await api("GET", "/api/accounts/me", { token: account.token });
    expect(before.body).toMatchObject({ display_name: null, phone: null });
    const changed = await api("PATCH", "/api/accounts/me", { token: account.token, body: { display_name: "  Ada Lovelace ", phone: "+1 (415) 555-0123" } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ username: account.username, display_name: "Ada Lovelace", phone: "+14155550123" });
    expect((await api("GET", "/api/accounts/me", { token: account.token })).body).toMatchObject({ display_name: "Ada Lovelace", phone: "+14155550123" });
    for (const body of [{ phone: "415 555 0123" }, { phone: "+1 555" }, { display_name: "" }, { email: "x@example.com" }]) {
      expectEnvelope(await api("PATCH", "/api/accounts/me", { token: account.token, body }), 422, "validation_failed");
    }
    expect((await api("PATCH", "/api/accounts/me", { token: account.token, body: { phone: null } })).body).toMatchObject({ phone: null, display_name: "Ada Lovelace" });
  });

  it("GET /api/accounts/export holds the account's data and nothing of another", async () => {
    const account = await createAccount();
    const other = await createAccount();
    const exported = await api("GET", "/api/accounts/export", { token: account.token });
    expect(exported.status).toBe(200);
    expect(exported.body.account).toMatchObject({ username: account.username, email: account.email });
    expect(exported.body.tables.sessions.length).toBeGreaterThan(0);
    expect(exported.text).not.toContain(other.username);
    expect(exported.text).not.toContain("argon2");
  });

  it("DELETE /api/accounts/me needs the password, then the account is gone", async () => {
    const account = await createAccount();
    const remove = (body: object) => api("DELETE", "/api/accounts/me", { token: account.token, body, ip: randomIp() });
    expectEnvelope(await remove({ password: "not it" }), 403, "current_password_incorrect");
    expectEnvelope(await remove({}), 422, "validation_failed");
    expect((await remove({ password: account.password })).body).toEqual({ deleted: true });
    expectEnvelope(await api("GET", "/api/accounts/me", { token: account.token }), 403, "forbidden");
    expectEnvelope(await tokenFor(account.username, account.password), 401, "invalid_credentials");
  });
});
