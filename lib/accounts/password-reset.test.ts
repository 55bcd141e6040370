// The reset link's life at the service level, on this file's own database: who gets mail, expiry, single use, and
// what an administrator's link skips.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findAccountById, insertAccount } from "@/db/queries/accounts";
import { setAccountDisabled } from "@/db/queries/admin-users";
import { insertPasswordReset } from "@/db/queries/password-resets";
import { listLiveSessions } from "@/db/queries/sessions";
import { useDatabase } from "@/test/database";
import { resetLinksSentTo } from "@/test/mail";
import { hashPassword, verifyPassword } from "./password";
import { createPasswordResetLink, isResetTokenLive, requestPasswordReset, resetPassword } from "./password-reset";
import { createApiSession, createWebSession, hashToken } from "./sessions";

useDatabase();

const dataDir = process.env.DATA_DIR!;
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

async function newAccount() {
  const username = `pr_${randomUUID().slice(0, 8)}`;
  return insertAccount({ username, email: `${username}@Example.com`, passwordHash: await hashPassword("the old password") });
}

describe("password reset links", () => {
  it("are mailed to enabled accounts only, found by address case-insensitively", async () => {
    const account = await newAccount();
    await requestPasswordReset(account.email.toLowerCase());
    const [link] = resetLinksSentTo(dataDir, account.email);
    expect(link).toMatch(/^http:\/\/localhost:\d+\/reset-password\?token=nfr_[\w-]{43}$/);
    expect(await isResetTokenLive(tokenOf(link))).toBe(true);

    const disabled = await newAccount();
    await setAccountDisabled(disabled.id, true);
    await requestPasswordReset(disabled.email);
    expect(resetLinksSentTo(dataDir, disabled.email)).toEqual([]);
    await expect(createPasswordResetLink(disabled.username)).rejects.toThrow(/disabled/);
  });

  it("work once: the password changes, every session ends, and the account's other links die", async () => {
    const account = await newAccount();
    await createApiSession(account.id, {});
    await createWebSession(account.id, {});
    await requestPasswordReset(account.email);
    const { link: adminLink } = await createPasswordResetLink(account.username); // not held back by the mail interval
    const [mailed] = resetLinksSentTo(dataDir, account.email);

    expect(await resetPassword(tokenOf(adminLink), "the new password", { ip: "10.0.0.1" })).toEqual({ signed_out_sessions: 2 });
    expect(await verifyPassword((await findAccountById(account.id))!.passwordHash, "the new password")).toBe(true);
    expect(await listLiveSessions(account.id)).toEqual([]);
    for (const used of [adminLink, mailed]) {
      expect(await isResetTokenLive(tokenOf(used))).toBe(false);
      await expect(resetPassword(tokenOf(used), "a third password", { ip: "10.0.0.1" })).rejects.toMatchObject({ code: "reset_link_invalid", status: 410 });
    }
  });

  it("expire, and do not work for an account disabled since", async () => {
    const account = await newAccount();
    const expired = "nfr_expired_" + randomUUID();
    await insertPasswordReset({ accountId: account.id, tokenHash: hashToken(expired), expiresAt: new Date(Date.now() - 1000) }, 0);
    expect(await isResetTokenLive(expired)).toBe(false);
    await expect(resetPassword(expired, "the new password", { ip: "10.0.0.1" })).rejects.toMatchObject({ code: "reset_link_invalid" });

    const { link } = await createPasswordResetLink(account.username);
    await setAccountDisabled(account.id, true);
    await expect(resetPassword(tokenOf(link), "the new password", { ip: "10.0.0.1" })).rejects.toMatchObject({ code: "reset_link_invalid" });
    expect(await verifyPassword((await findAccountById(account.id))!.passwordHash, "the old password")).toBe(true);
  });
});
