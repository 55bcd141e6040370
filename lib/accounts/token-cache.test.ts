// Bearer tokens are cached for a few seconds per process: a revocation must still take effect on the very next request.
import { describe, expect, it } from "vitest";
import { api, createAccount, expectEnvelope, signIn } from "@/test/http";
import { TokenCache } from "./token-cache";

const me = (token: string) => api("GET", "/api/accounts/me", { token });

describe("revoking a token that was just used (its principal is cached)", () => {
  it("signing a device out ends it at once", async () => {
    const account = await createAccount();
    const phone = await signIn(account.username, account.password);
    expect((await me(phone)).status).toBe(200);
    const sessions = (await api("GET", "/api/accounts/sessions", { token: account.token })).body.items;
    const phoneSession = sessions.find((s: { current: boolean }) => !s.current);
    expect((await api("DELETE", `/api/accounts/sessions/${phoneSession.id}`, { token: account.token })).status).toBe(200);
    expectEnvelope(await me(phone), 403, "forbidden");
    expect((await me(account.token)).status).toBe(200);
  });

  it("logout ends the calling token at once", async () => {
    const account = await createAccount();
    expect((await me(account.token)).status).toBe(200);
    expect((await api("POST", "/api/accounts/logout", { token: account.token })).status).toBe(200);
    expectEnvelope(await me(account.token), 403, "forbidden");
  });

  it("signing out every other device and changing the password end the others at once", async () => {
    const account = await createAccount();
    const [tv, tablet] = [await signIn(account.username, account.password), await signIn(account.username, account.password)];
    for (const token of [tv, tablet]) expect((await me(token)).status).toBe(200);
    expect((await api("DELETE", "/api/accounts/sessions", { token: tv })).body.signed_out_sessions).toBe(2);
    for (const token of [account.token, tablet]) expectEnvelope(await me(token), 403, "forbidden");

    const laptop = await signIn(account.username, account.password);
    expect((await me(laptop)).status).toBe(200);
    expect((await api("PUT", "/api/accounts/password", { token: tv, body: { password: "a brand new passphrase" } })).status).toBe(200);
    expectEnvelope(await me(laptop), 403, "forbidden");
    expect((await me(tv)).status).toBe(200);
  });
});

describe("TokenCache", () => {
  const principal = (accountId: string, sessionId: string) => ({ accountId, sessionId });
  const session = (expiresAt = new Date(Date.now() + 86_400_000)) => ({ expiresAt, lastSeenAt: new Date() });

  it("keeps an entry for its TTL, never past the session's expiry", () => {
    const cache = new TokenCache(5_000);
    const now = Date.now();
    cache.set("a", cache.begin(), principal("acc", "s1"), session(), now);
    cache.set("b", cache.begin(), principal("acc", "s2"), session(new Date(now + 1_000)), now);
    expect(cache.get("a", now + 4_999)?.value.sessionId).toBe("s1");
    expect(cache.get("a", now + 5_000)).toBeUndefined();
    expect(cache.get("b", now + 999)?.value.sessionId).toBe("s2");
    expect(cache.get("b", now + 1_000)).toBeUndefined();
  });

  it("forgets one session, or all of an account's but one, and leaves other accounts alone", () => {
    const cache = new TokenCache();
    for (const [hash, account, id] of [["a", "acc", "s1"], ["b", "acc", "s2"], ["c", "acc", "s3"], ["d", "other", "s4"]]) {
      cache.set(hash, cache.begin(), principal(account, id), session());
    }
    cache.forget("acc", { sessionIds: ["s2"] });
    expect(["a", "b", "c", "d"].map((hash) => cache.get(hash)?.value.sessionId)).toEqual(["s1", undefined, "s3", "s4"]);
    cache.forget("acc", { exceptSessionId: "s3" });
    expect(["a", "b", "c", "d"].map((hash) => cache.get(hash)?.value.sessionId)).toEqual([undefined, undefined, "s3", "s4"]);
  });

  it("does not store a lookup that an invalidation overtook", () => {
    const cache = new TokenCache();
    const generation = cache.begin(); // the database read starts…
    cache.forget("acc", { sessionIds: ["s1"] }); // …the session is revoked meanwhile…
    cache.set("a", generation, principal("acc", "s1"), session()); // …and the read, from before, comes back
    expect(cache.get("a")).toBeUndefined();
  });

  it("stays within its size, dropping the oldest entries", () => {
    const cache = new TokenCache(5_000, 3);
    for (const id of ["1", "2", "3", "4"]) cache.set(id, cache.begin(), principal("acc", id), session());
    expect(cache.size).toBe(3);
    expect(cache.get("1")).toBeUndefined();
    expect(cache.get("4")?.value.sessionId).toBe("4");
  });
});
