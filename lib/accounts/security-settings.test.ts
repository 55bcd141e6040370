// Security settings and alerts at the service level: login alert mail for new devices only, the account's own idle
// timeout, and ending a session from an alert's link.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/db/client";
import { insertAccount } from "@/db/queries/accounts";
import { sessions } from "@/db/schema";
import { useDatabase } from "@/test/database";
import { signIn } from "./accounts";
import { hashPassword } from "./password";
import { endSessionLink, loginAlertsEnabled, recentSecurityEvents } from "./security-events";
import { getSecuritySettings, updateSecuritySettings } from "./security-settings";
import { authenticateToken, endSessionFromAlert, listDevices, refreshApiSession } from "./sessions";

useDatabase();

const outbox = path.join(process.env.DATA_DIR!, "mail");
const alertsTo = (to: string) =>
  (fs.existsSync(outbox) ? fs.readdirSync(outbox) : [])
    .map((file) => fs.readFileSync(path.join(outbox, file), "utf8"))
    .filter((raw) => raw.includes(`To: ${to}`) && raw.includes("New sign-in to your NormFlix account"));

async function newAccount() {
  const username = `sec_${randomUUID().slice(0, 8)}`;
  const account = await insertAccount({ username, email: `${username}@example.com`, passwordHash: await hashPassword("the password") });
  const signInFrom = (userAgent: string, ip = "10.1.2.3") => signIn({ username, password: "the password" }, { ip, userAgent });
  return { account, signInFrom };
}

describe("login alerts", () => {
  it("mail the owner on a sign-in from a device not seen before, with a link that ends that session", async () => {
    const { account, signInFrom } = await newAccount();
    await signInFrom("Laptop/1.0"); // the first device ever: nothing to compare with
    await signInFrom("Laptop/1.0");
    expect(alertsTo(account.email)).toHaveLength(0);

    const stranger = await signInFrom("Stranger/6.6", "10.66.0.1");
    const [mail] = alertsTo(account.email);
    expect(alertsTo(account.email)).toHaveLength(1);
    expect(mail).toContain("Stranger/6.6");
    expect(mail).toContain("10.66.0.1");
    const link = endSessionLink(stranger.session.id);
    expect(mail.replace(/=\r?\n/g, "").replace(/=3D/g, "=")).toContain(link);

    // The link's signature is checked; a good one ends exactly that session, once.
    const token = new URL(link).searchParams.get("token")!;
    expect(await endSessionFromAlert(stranger.session.id, token.slice(0, -2) + "xx", { ip: "10.0.0.9" })).toBe(false);
    expect(await authenticateToken(stranger.token)).toBeDefined();
    expect(await endSessionFromAlert(stranger.session.id, token, { ip: "10.0.0.9" })).toBe(true);
    expect(await authenticateToken(stranger.token)).toBeUndefined();
    await expect(refreshApiSession(stranger.refreshToken, { ip: "10.66.0.1" })).rejects.toMatchObject({ status: 401 });
    expect(await endSessionFromAlert(stranger.session.id, token, { ip: "10.0.0.9" })).toBe(false);
    const kinds = (await recentSecurityEvents(account.id)).items.map((event) => event.kind);
    expect(kinds).toEqual(["session_ended_from_alert", "sign_in", "sign_in", "sign_in"]);
  });

  it("one rule for the mail and the in-site notification: both for a new device, neither for one known, even once its sessions are gone", async () => {
    const { account, signInFrom } = await newAccount();
    const newDeviceNotices = async () =>
      (await queryRows<{ n: number }>(sql`select count(*)::int as n from notifications where account_id = ${account.id} and type = 'new_device'`))[0].n;
    await signInFrom("Tablet/3.0");
    await signInFrom("Phone/2.0");
    expect([alertsTo(account.email).length, await newDeviceNotices()]).toEqual([1, 1]);
    // Every session of the phone ends (signed out everywhere): the phone is still a device the account knows.
    await db().delete(sessions).where(eq(sessions.accountId, account.id));
    await signInFrom("Phone/2.0");
    expect([alertsTo(account.email).length, await newDeviceNotices()]).toEqual([1, 1]);
    await signInFrom("Watch/1.0");
    expect([alertsTo(account.email).length, await newDeviceNotices()]).toEqual([2, 2]);
  });

  it("are not sent when the owner turned them off", async () => {
    const { account, signInFrom } = await newAccount();
    const first = await signInFrom("Laptop/1.0");
    const principal = (await authenticateToken(first.token))!;
    expect(await loginAlertsEnabled(account.id)).toBe(true);
    await updateSecuritySettings(principal, { login_alerts: false }, { ip: "10.1.2.3" });
    expect(await loginAlertsEnabled(account.id)).toBe(false);
    await signInFrom("Phone/2.0");
    expect(alertsTo(account.email)).toHaveLength(0);
  });
});

describe("auto-logout", () => {
  const idleFor = (sessionId: string, minutes: number) =>
    db().update(sessions).set({ lastSeenAt: sql`now() - make_interval(mins => ${minutes})` }).where(eq(sessions.id, sessionId));

  it("signs out every session of the account unused for longer than the time it chose", async () => {
    const { account, signInFrom } = await newAccount();
    const kept = await signInFrom("Laptop/1.0");
    const idle = await signInFrom("Laptop/1.0");
    const principal = (await authenticateToken(kept.token))!;
    expect(await getSecuritySettings(account.id)).toEqual({ two_factor_enabled: false, login_alerts: true, auto_logout_minutes: null });

    // Without a choice of its own, an API token has no idle timeout.
    await idleFor(idle.session.id, 120);
    expect(await authenticateToken(idle.token)).toBeDefined();

    await idleFor(idle.session.id, 120);
    expect(await updateSecuritySettings(principal, { auto_logout_minutes: 60 }, { ip: "10.1.2.3" })).toMatchObject({ auto_logout_minutes: 60 });
    expect(await authenticateToken(idle.token)).toBeUndefined();
    await expect(refreshApiSession(idle.refreshToken, { ip: "10.1.2.3" })).rejects.toMatchObject({ code: "refresh_token_invalid" });
    expect(await authenticateToken(kept.token)).toBeDefined();
    expect((await listDevices(principal)).map((device) => device.id)).toEqual([kept.session.id]);

    // Back to the defaults: the idle session was never revoked, so it works again.
    await updateSecuritySettings(principal, { auto_logout_minutes: null }, { ip: "10.1.2.3" });
    expect(await authenticateToken(idle.token)).toBeDefined();
    expect((await recentSecurityEvents(account.id)).items.filter((event) => event.kind === "settings_changed")).toHaveLength(2);
  });
});
