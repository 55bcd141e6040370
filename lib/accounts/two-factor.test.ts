// Two-factor sign-in at the service level: set-up, enabling with a code, sign-in with a code or a recovery code,
// replay and brute force refused, and turning it off.
import { randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { insertAccount } from "@/db/queries/accounts";
import { useDatabase } from "@/test/database";
import { signIn } from "./accounts";
import { hashPassword } from "./password";
import { recentSecurityEvents } from "./security-events";
import { getSecuritySettings } from "./security-settings";
import { authenticateToken, type Principal } from "./sessions";
import { disableTwoFactor, enableTwoFactor, setUpTwoFactor } from "./two-factor";

useDatabase();

const device = { ip: "10.7.7.7", userAgent: "2fa-test/1" };

async function accountWithTwoFactor() {
  const username = `tf_${randomUUID().slice(0, 8)}`;
  const account = await insertAccount({ username, email: `${username}@example.com`, passwordHash: await hashPassword("the password") });
  const first = await signIn({ username, password: "the password" }, device);
  const principal = (await authenticateToken(first.token)) as Principal;
  const setup = await setUpTwoFactor(principal);
  const totp = new TOTP({ secret: Secret.fromBase32(setup.secret), digits: 6, period: 30, algorithm: "SHA1" });
  /** The code `steps` 30-second periods from now. */
  const code = (steps = 0) => totp.generate({ timestamp: Date.now() + steps * 30_000 });
  const signInWith = (extra: { otp?: string; recovery_code?: string }) => signIn({ username, password: "the password", ...extra }, device);
  return { account, principal, setup, code, signInWith };
}

describe("two-factor sign-in", () => {
  it("is set up with a QR code and a code from it, and answers ten recovery codes once", async () => {
    const { account, principal, setup, code } = await accountWithTwoFactor();
    expect(setup.otpauth_url).toMatch(new RegExp(`^otpauth://totp/NormFlix:${account.username}\\?.*secret=${setup.secret}`));
    expect(setup.qr_svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect((await getSecuritySettings(account.id)).two_factor_enabled).toBe(false);

    await expect(enableTwoFactor(principal, "000000", device)).rejects.toMatchObject({ code: "two_factor_code_incorrect", status: 403 });
    const { recovery_codes } = await enableTwoFactor(principal, code(), device);
    expect(recovery_codes).toHaveLength(10);
    expect(new Set(recovery_codes).size).toBe(10);
    for (const recovery of recovery_codes) expect(recovery).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect((await getSecuritySettings(account.id)).two_factor_enabled).toBe(true);
    await expect(setUpTwoFactor(principal)).rejects.toMatchObject({ code: "two_factor_enabled", status: 409 });
    await expect(enableTwoFactor(principal, code(1), device)).rejects.toMatchObject({ code: "two_factor_enabled" });
  });

  it("asks for a code after the password, and never accepts one twice", async () => {
    const { principal, code, signInWith } = await accountWithTwoFactor();
    const enablingCode = code();
    await enableTwoFactor(principal, enablingCode, device);
    await expect(signInWith({})).rejects.toMatchObject({ code: "two_factor_required", status: 401 });
    // The code that turned it on was spent.
    await expect(signInWith({ otp: enablingCode })).rejects.toMatchObject({ code: "two_factor_required" });
    await expect(signInWith({ otp: "123" })).rejects.toMatchObject({ code: "two_factor_required" });
    const next = code(1);
    const signedIn = await signInWith({ otp: next });
    expect(await authenticateToken(signedIn.token)).toBeDefined();
    await expect(signInWith({ otp: next })).rejects.toMatchObject({ code: "two_factor_required" });
  });

  it("lets exactly one of concurrent sign-ins with one code through", async () => {
    const { principal, code, signInWith } = await accountWithTwoFactor();
    await enableTwoFactor(principal, code(-1), device);
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => signInWith({ otp: code(1) })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("takes each recovery code once", async () => {
    const { account, principal, code, signInWith } = await accountWithTwoFactor();
    const { recovery_codes } = await enableTwoFactor(principal, code(), device);
    // Case, spaces and dashes do not matter.
    await signInWith({ recovery_code: recovery_codes[3].toLowerCase().replaceAll("-", " ") });
    await expect(signInWith({ recovery_code: recovery_codes[3] })).rejects.toMatchObject({ code: "two_factor_required" });
    await expect(signInWith({ recovery_code: "AAAA-BBBB-CCCC-DDDD" })).rejects.toMatchObject({ code: "two_factor_required" });
    const kinds = (await recentSecurityEvents(account.id)).items.map((event) => event.kind);
    expect(kinds.filter((kind) => kind === "recovery_code_used")).toHaveLength(1);
  });

  it("stops guessing after five wrong codes, even before a right one", async () => {
    const { principal, code, signInWith } = await accountWithTwoFactor();
    await enableTwoFactor(principal, code(-1), device);
    for (let i = 0; i < 5; i++) await expect(signInWith({ otp: String(100000 + i) })).rejects.toMatchObject({ code: "two_factor_required" });
    await expect(signInWith({ otp: code(1) })).rejects.toMatchObject({ code: "rate_limited", status: 429 });
  });

  it("is turned off with a code, which clears the secret and the recovery codes", async () => {
    const { account, principal, code, signInWith } = await accountWithTwoFactor();
    const { recovery_codes } = await enableTwoFactor(principal, code(), device);
    await expect(disableTwoFactor(principal, { code: "AAAA-BBBB-CCCC-DDDD" }, device)).rejects.toMatchObject({ code: "two_factor_code_incorrect" });
    expect(await disableTwoFactor(principal, { code: recovery_codes[0] }, device)).toEqual({ two_factor_enabled: false });
    expect((await getSecuritySettings(account.id)).two_factor_enabled).toBe(false);
    await signInWith({});
    await expect(disableTwoFactor(principal, { code: code(1) }, device)).rejects.toMatchObject({ code: "two_factor_not_set_up" });
    const kinds = (await recentSecurityEvents(account.id)).items.map((event) => event.kind);
    expect(kinds).toContain("two_factor_enabled");
    expect(kinds).toContain("two_factor_disabled");
  });
});
