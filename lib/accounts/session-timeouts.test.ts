import { describe, expect, it } from "vitest";
import { useAdminServer } from "@/app/api/admin/test-server";
import { signInToSite } from "@/test/web-session";

// Web sessions end when idle for WEB_SESSION_IDLE_HOURS and WEB_SESSION_TTL_DAYS after sign-in however much they are
// used. Tiny values here (idle ≈ 10.8 s, absolute ≈ 26 s) so the test can wait them out; the margins are seconds wide.
const IDLE_MS = 0.003 * 3_600_000;
const ABSOLUTE_MS = 0.0003 * 86_400_000;
const server = useAdminServer({ WEB_SESSION_IDLE_HOURS: "0.003", WEB_SESSION_TTL_DAYS: "0.0003", DEMO_CATALOG: "off", WORKER_IN_PROCESS: "false" });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const me = (cookie: string) => server.call("GET", "/api/accounts/me", { headers: { cookie } });

describe("web session timeouts", () => {
  it("signs a browser out once its session has been idle too long, but not an API token", async () => {
    const account = await server.signUp(`idle_${Date.now()}`);
    const cookie = await signInToSite(server.url, account.username, account.password);
    expect((await me(cookie)).status).toBe(200);
    await sleep(IDLE_MS + 3_000);
    const after = await me(cookie);
    expect(after.status).toBe(403);
    expect(after.body.error.code).toBe("forbidden");
    // Bearer tokens have their own lifetime (API_TOKEN_TTL_DAYS) and no idle timeout.
    expect((await server.call("GET", "/api/accounts/me", { token: account.token })).status).toBe(200);
  });

  it("renews the idle timeout on use, and still ends the session at its absolute timeout", async () => {
    const account = await server.signUp(`busy_${Date.now()}`);
    const signedInAt = Date.now();
    const cookie = await signInToSite(server.url, account.username, account.password);
    // Used every second: still signed in well past one idle period.
    while (Date.now() - signedInAt < IDLE_MS * 1.6) {
      expect((await me(cookie)).status).toBe(200);
      await sleep(1_000);
    }
    // …but not past the absolute timeout, however busy.
    while (Date.now() - signedInAt < ABSOLUTE_MS + 3_000) {
      await me(cookie);
      await sleep(1_000);
    }
    expect((await me(cookie)).status).toBe(403);
  });
});
