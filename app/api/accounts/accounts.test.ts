import { describe, expect, it } from "vitest";
import { api, createAccount, expectEnvelope, randomIp, signIn, uniqueName } from "@/test/http";

describe("POST /api/accounts/new", () => {
  it("creates an account (200) and returns it without the password", async () => {
    const username = uniqueName("Alice");
    const response = await api("POST", "/api/accounts/new", {
      body: { username, password: "a long passphrase", email: `${username}@Example.com` },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ username, email: `${username}@Example.com` });
    expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.text).not.toContain("passphrase");
    expect(response.text).not.toContain("argon2");
  });

  it("answers 409 when the username is taken, whatever its case", async () => {
    const { username } = await createAccount();
    const response = await api("POST", "/api/accounts/new", {
      body: { username: username.toUpperCase(), password: "another password", email: `${uniqueName()}@example.com` },
    });
    expectEnvelope(response, 409, "username_taken");
  });

  it("answers 409 when the email is taken, whatever its case", async () => {
    const { email } = await createAccount();
    const response = await api("POST", "/api/accounts/new", {
      body: { username: uniqueName(), password: "another password", email: email.toUpperCase() },
    });
    expectEnvelope(response, 409, "email_taken");
  });

  it("lets exactly one of 20 concurrent sign-ups with one username win", async () => {
    const username = uniqueName("race");
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api("POST", "/api/accounts/new", {
          body: { username, password: "race password", email: `${username}-${i}@example.com` },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    // The winner can sign in; the losers left nothing behind.
    const winner = responses.find((r) => r.status === 200)!;
    expect(await signIn(username, "race password")).toMatch(/^nf_/);
    expect(winner.body.username).toBe(username);
  });

  it.each([
    ["a missing password", { username: "someone", email: "s@example.com" }, "body.password"],
    ["a missing username", { password: "password123", email: "s@example.com" }, "body.username"],
    ["a numeric username", { username: 12345, password: "password123", email: "s@example.com" }, "body.username"],
    ["a malformed email", { username: "someone", password: "password123", email: "not-an-email" }, "body.email"],
    ["a short password", { username: "someone", password: "short", email: "s@example.com" }, "body.password"],
    ["a too-long username", { username: "x".repeat(33), password: "password123", email: "s@example.com" }, "body.username"],
    ["spaces in the username", { username: "two words", password: "password123", email: "s@example.com" }, "body.username"],
  ])("rejects %s with 422 naming the field", async (_, body, field) => {
    const response = await api("POST", "/api/accounts/new", { body });
    expectEnvelope(response, 422, "validation_failed");
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});

describe("POST /api/accounts/token", () => {
  it("returns a fresh opaque bearer token of at least 256 bits (200)", async () => {
    const account = await createAccount();
    const first = await signIn(account.username, account.password);
    const second = await signIn(account.username.toUpperCase(), account.password);
    expect(first).not.toBe(second);
    expect(Buffer.from(first.slice(3), "base64url").length).toBeGreaterThanOrEqual(32);
    expect((await api("GET", "/api/accounts/me", { token: second })).status).toBe(200);
  });

  it("answers 401 for a wrong password and for an unknown user", async () => {
    const account = await createAccount();
    const ip = randomIp();
    expectEnvelope(await api("POST", "/api/accounts/token", { body: { username: account.username, password: "wrong password" }, ip }), 401, "invalid_credentials");
    expectEnvelope(await api("POST", "/api/accounts/token", { body: { username: uniqueName("ghost"), password: "whatever" }, ip }), 401, "invalid_credentials");
  });

  it("throttles repeated failures per username and IP with 429 and Retry-After, without locking the user out elsewhere", async () => {
    const account = await createAccount();
    const attacker = randomIp();
    for (let i = 0; i < 10; i++) {
      const response = await api("POST", "/api/accounts/token", { body: { username: account.username, password: `guess ${i}` }, ip: attacker });
      expect(response.status).toBe(401);
    }
    const blocked = await api("POST", "/api/accounts/token", { body: { username: account.username, password: account.password }, ip: attacker });
    expectEnvelope(blocked, 429, "rate_limited");
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // The real user, signing in from their own address, is not affected.
    expect(await signIn(account.username, account.password, randomIp())).toMatch(/^nf_/);
  });

  it("takes the address the proxy appended, so entries a client adds to X-Forwarded-For do not reset the count", async () => {
    const account = await createAccount();
    const seenByProxy = randomIp();
    const attempt = (password: string) =>
      api("POST", "/api/accounts/token", { body: { username: account.username, password }, headers: { "x-forwarded-for": `${randomIp()}, ${seenByProxy}` } });
    for (let i = 0; i < 10; i++) expect((await attempt(`guess ${i}`)).status).toBe(401);
    expectEnvelope(await attempt(account.password), 429, "rate_limited");
  });

  it("throttles spellings of one username that reach the same account as one", async () => {
    const account = await createAccount({ username: uniqueName("iris") });
    const dotted = account.username.replaceAll("i", "İ"); // U+0130: "i" to the database, "i̇" to JavaScript
    expect(await signIn(dotted, account.password, randomIp())).toMatch(/^nf_/);
    const ip = randomIp();
    const spellings = [account.username, dotted, dotted.toUpperCase(), account.username.toUpperCase()];
    for (let i = 0; i < 10; i++) {
      const response = await api("POST", "/api/accounts/token", { body: { username: spellings[i % 4], password: `guess ${i}` }, ip });
      expect(response.status).toBe(401);
    }
    expectEnvelope(await api("POST", "/api/accounts/token", { body: { username: dotted, password: account.password }, ip }), 429, "rate_limited");
  });

  it("lets at most 10 of 20 concurrent wrong passwords from one address be checked", async () => {
    const account = await createAccount();
    const ip = randomIp();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api("POST", "/api/accounts/token", { body: { username: account.username, password: `guess ${i}` }, ip })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([...Array(10).fill(401), ...Array(10).fill(429)]);
  });
});

const protectedEndpoints: Array<[string, string, unknown?]> = [
  ["PUT", "/api/accounts/subscription", { subscription: "basic" }],
  ["DELETE", "/api/accounts/subscription"],
  ["PUT", "/api/accounts/email", { email: "new@example.com" }],
  ["PUT", "/api/accounts/password", { password: "new password 1" }],
  ["GET", "/api/accounts/me"],
  ["POST", "/api/accounts/logout"],
  ["GET", "/api/accounts/sessions"],
  ["DELETE", "/api/accounts/sessions"],
  ["DELETE", "/api/accounts/sessions/00000000-0000-4000-8000-000000000000"],
];

describe("protected endpoints", () => {
  it.each(protectedEndpoints)("%s %s answers 403 without a valid bearer token", async (method, path, body) => {
    const revoked = (await createAccount()).token;
    await api("POST", "/api/accounts/logout", { token: revoked });
    const attempts = [
      {},
      { token: "nf_not-a-real-token" },
      { token: revoked },
      { headers: { authorization: "Basic dXNlcjpwYXNz" } },
      { headers: { authorization: "Bearer" } },
      { headers: { authorization: `Bearer ${"x".repeat(5000)}` } },
    ];
    for (const attempt of attempts) expectEnvelope(await api(method, path, { body, ...attempt }), 403, "forbidden");
  });
});

describe("PUT and DELETE /api/accounts/subscription", () => {
  it("changes the plan at once (local provider) and cancels it", async () => {
    const { token } = await createAccount();
    const before = await api("GET", "/api/accounts/me", { token });
    expect(before.body.subscription).toMatchObject({ plan: null, status: "none" });
    expect(before.body.profile_limit).toBe(1);

    const basic = await api("PUT", "/api/accounts/subscription", { token, body: { subscription: "basic" } });
    expect(basic.status).toBe(200);
    expect(basic.body.subscription).toMatchObject({ plan: "basic", status: "active", cancel_at_period_end: false });

    const premium = await api("PUT", "/api/accounts/subscription", { token, body: { subscription: "premium" } });
    expect(premium.body.subscription.plan).toBe("premium");
    expect((await api("GET", "/api/accounts/me", { token })).body).toMatchObject({ profile_limit: 5, subscription: { plan: "premium" } });

    const cancelled = await api("DELETE", "/api/accounts/subscription", { token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.subscription.status).toBe("canceled");
    expect((await api("GET", "/api/accounts/me", { token })).body.profile_limit).toBe(1);

    // The account still exists and can subscribe again.
    const again = await api("PUT", "/api/accounts/subscription", { token, body: { subscription: "standard" } });
    expect(again.body.subscription).toMatchObject({ plan: "standard", status: "active" });
  });

  it("cancelling without a subscription is harmless (200)", async () => {
    const { token } = await createAccount();
    const response = await api("DELETE", "/api/accounts/subscription", { token });
    expect(response.status).toBe(200);
    expect(response.body.subscription.status).toBe("none");
  });

  it.each([["gold"], [""], [null], [1]])("rejects the plan %j with 422", async (plan) => {
    const { token } = await createAccount();
    expectEnvelope(await api("PUT", "/api/accounts/subscription", { token, body: { subscription: plan } }), 422, "validation_failed");
  });
});

describe("PUT /api/accounts/email", () => {
  it("changes the email (200)", async () => {
    const { token } = await createAccount();
    const email = `${uniqueName("moved")}@example.org`;
    expect((await api("PUT", "/api/accounts/email", { token, body: { email } })).status).toBe(200);
    expect((await api("GET", "/api/accounts/me", { token })).body.email).toBe(email);
  });

  it("answers 409 when another account has the email, in any case, and keeps the old one", async () => {
    const other = await createAccount();
    const me = await createAccount();
    const response = await api("PUT", "/api/accounts/email", { token: me.token, body: { email: other.email.toUpperCase() } });
    expectEnvelope(response, 409, "email_taken");
    expect((await api("GET", "/api/accounts/me", { token: me.token })).body.email).toBe(me.email);
  });

  it("accepts the account's own email again", async () => {
    const me = await createAccount();
    expect((await api("PUT", "/api/accounts/email", { token: me.token, body: { email: me.email } })).status).toBe(200);
  });

  it("rejects a malformed email with 422", async () => {
    const { token } = await createAccount();
    expectEnvelope(await api("PUT", "/api/accounts/email", { token, body: { email: "nope" } }), 422, "validation_failed");
  });
});

describe("PUT /api/accounts/password", () => {
  it("changes the password and signs out every other session", async () => {
    const account = await createAccount();
    const otherDevice = await signIn(account.username, account.password);
    const response = await api("PUT", "/api/accounts/password", { token: account.token, body: { password: "a brand new secret" } });
    expect(response.status).toBe(200);
    expect(response.body.signed_out_sessions).toBe(1);

    expectEnvelope(await api("GET", "/api/accounts/me", { token: otherDevice }), 403, "forbidden");
    expect((await api("GET", "/api/accounts/me", { token: account.token })).status).toBe(200);
    const old = await api("POST", "/api/accounts/token", { body: { username: account.username, password: account.password }, ip: randomIp() });
    expectEnvelope(old, 401, "invalid_credentials");
    expect(await signIn(account.username, "a brand new secret")).toMatch(/^nf_/);
  });

  it("rejects a too-short password with 422 and keeps the old one", async () => {
    const account = await createAccount();
    expectEnvelope(await api("PUT", "/api/accounts/password", { token: account.token, body: { password: "short" } }), 422);
    expect(await signIn(account.username, account.password)).toMatch(/^nf_/);
  });
});

describe("sessions, logout and me", () => {
  it("lists devices, signs one out, and logs out the calling token", async () => {
    const account = await createAccount();
    const phone = await signIn(account.username, account.password);
    const sessions = await api("GET", "/api/accounts/sessions", { token: account.token, headers: { "user-agent": "NormFlix tests" } });
    expect(sessions.status).toBe(200);
    expect(sessions.body.items).toHaveLength(2);
    const current = sessions.body.items.find((s: { current: boolean }) => s.current);
    const other = sessions.body.items.find((s: { current: boolean }) => !s.current);
    expect(current.kind).toBe("api");

    expect((await api("DELETE", `/api/accounts/sessions/${other.id}`, { token: account.token })).status).toBe(200);
    expectEnvelope(await api("GET", "/api/accounts/me", { token: phone }), 403);
    expectEnvelope(await api("DELETE", `/api/accounts/sessions/${other.id}`, { token: account.token }), 404, "session_not_found");
    expectEnvelope(await api("DELETE", "/api/accounts/sessions/not-a-uuid", { token: account.token }), 422, "validation_failed");

    expect((await api("POST", "/api/accounts/logout", { token: account.token })).status).toBe(200);
    expectEnvelope(await api("GET", "/api/accounts/me", { token: account.token }), 403);
  });

  it("cannot sign out another account's session", async () => {
    const mine = await createAccount();
    const theirs = await createAccount();
    const their = (await api("GET", "/api/accounts/sessions", { token: theirs.token })).body.items[0];
    expectEnvelope(await api("DELETE", `/api/accounts/sessions/${their.id}`, { token: mine.token }), 404);
    expect((await api("GET", "/api/accounts/me", { token: theirs.token })).status).toBe(200);
  });

  it("signs out every other device at once", async () => {
    const account = await createAccount();
    const others = [await signIn(account.username, account.password), await signIn(account.username, account.password)];
    const response = await api("DELETE", "/api/accounts/sessions", { token: account.token });
    expect(response.body.signed_out_sessions).toBe(2);
    for (const token of others) expectEnvelope(await api("GET", "/api/accounts/me", { token }), 403);
    expect((await api("GET", "/api/accounts/me", { token: account.token })).status).toBe(200);
  });
});
