// Refresh tokens at the service level: rotation, reuse detection (the family is revoked and the reuse logged), and
// the ways a refresh token stops working.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { insertAccount } from "@/db/queries/accounts";
import { setAccountDisabled } from "@/db/queries/admin-users";
import { insertRefreshToken } from "@/db/queries/refresh-tokens";
import { useDatabase } from "@/test/database";
import { signIn } from "./accounts";
import { hashPassword } from "./password";
import { recentSecurityEvents } from "./security-events";
import { authenticateToken, createApiSession, hashToken, refreshApiSession, signOutDevice } from "./sessions";

useDatabase();

const device = { ip: "10.9.8.7", userAgent: "refresh-test/1.0" };

async function signedIn() {
  const username = `rt_${randomUUID().slice(0, 8)}`;
  const account = await insertAccount({ username, email: `${username}@example.com`, passwordHash: await hashPassword("the password") });
  return { account, ...(await signIn({ username, password: "the password" }, device)) };
}

describe("refresh tokens", () => {
  it("rotate the pair: the new bearer token works, the old one and the spent refresh token do not", async () => {
    const first = await signedIn();
    expect(first.refreshToken).toMatch(/^nfrt_[\w-]{43}$/);
    const second = await refreshApiSession(first.refreshToken, device);
    expect(second.session.id).toBe(first.session.id); // same device, same session: the list of devices does not grow
    expect(second.token).not.toBe(first.token);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await authenticateToken(first.token)).toBeUndefined();
    expect(await authenticateToken(second.token)).toMatchObject({ accountId: first.account.id, sessionId: first.session.id });
    // The new refresh token renews again.
    const third = await refreshApiSession(second.refreshToken, device);
    expect(await authenticateToken(third.token)).toBeDefined();
  });

  it("revoke the whole family when a spent one is used again, and log it", async () => {
    const first = await signedIn();
    const second = await refreshApiSession(first.refreshToken, device);
    await expect(refreshApiSession(first.refreshToken, { ip: "10.66.66.66", userAgent: "thief" })).rejects.toMatchObject({
      code: "refresh_token_reused",
      status: 401,
    });
    // Everything of the family is dead: the current bearer token and the current refresh token.
    expect(await authenticateToken(second.token)).toBeUndefined();
    const { items } = await recentSecurityEvents(first.account.id);
    expect(items.filter((event) => event.kind === "refresh_token_reuse")).toEqual([
      expect.objectContaining({ ip: "10.66.66.66", user_agent: "thief", session_id: first.session.id }),
    ]);
    // The family's other tokens are spent too: presenting them is refused (and logged) alike.
    await expect(refreshApiSession(second.refreshToken, device)).rejects.toMatchObject({ code: "refresh_token_reused" });
  });

  it("let exactly one of concurrent refreshes with one token win; the others count as reuse", async () => {
    const first = await signedIn();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => refreshApiSession(first.refreshToken, device)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason.code);
    expect(refused).toEqual(Array(4).fill("refresh_token_reused"));
  });

  it("stop working when the session is signed out, the account disabled, or the token expired", async () => {
    const loggedOut = await signedIn();
    const principal = (await authenticateToken(loggedOut.token))!;
    await signOutDevice(principal, principal.sessionId);
    await expect(refreshApiSession(loggedOut.refreshToken, device)).rejects.toMatchObject({ code: "refresh_token_invalid" });

    const disabled = await signedIn();
    await setAccountDisabled(disabled.account.id, true);
    await expect(refreshApiSession(disabled.refreshToken, device)).rejects.toMatchObject({ code: "refresh_token_invalid" });

    const expired = await signedIn();
    const { session } = await createApiSession(expired.account.id, device);
    const stale = `nfrt_${randomUUID()}`;
    await insertRefreshToken({ tokenHash: hashToken(stale), sessionId: session.id, accountId: expired.account.id, expiresAt: new Date(Date.now() - 1000) });
    await expect(refreshApiSession(stale, device)).rejects.toMatchObject({ code: "refresh_token_invalid" });
    await expect(refreshApiSession("nfrt_unknown", device)).rejects.toMatchObject({ code: "refresh_token_invalid" });
    await expect(refreshApiSession("not a token", device)).rejects.toMatchObject({ code: "refresh_token_invalid" });
  });
});
