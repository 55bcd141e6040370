import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { findAccountById } from "@/db/queries/accounts";
import { acceptTotpStep, countUnusedRecoveryCodes, disableTotp, enableTotp, redeemRecoveryCode, setPendingTotpSecret } from "@/db/queries/two-factor";
import type { Account } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { release, reserve, retryAfterSeconds, type Limit } from "@/lib/rate-limit";
import { authSecret } from "@/lib/site/auth-secret";
import { recordSecurityEvent } from "./security-events";
import type { Principal } from "./sessions";

// Two-factor sign-in with time-based one-time passwords (RFC 6238: 6 digits, 30-second steps, SHA-1, as every
// authenticator app expects). A code is accepted within one step of the server's clock, and never twice: the last
// accepted step is stored and only later ones pass. Wrong codes are limited per account; ten recovery codes, each
// usable once and stored as SHA-256, stand in for a lost phone.

const ISSUER = "NormFlix";
const RECOVERY_CODE_COUNT = 10;
/** Five wrong codes per account per five minutes: guessing a 6-digit code would take years. */
const CODE_LIMIT: Limit = { max: 5, windowSeconds: 300 };

type Device = { ip: string; userAgent?: string };
export type SecondFactor = { otp?: string; recovery_code?: string };

const totpFor = (account: Pick<Account, "username">, secret: string) =>
  new TOTP({ issuer: ISSUER, label: account.username, algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });

/** Recovery codes are compared without case, spaces or dashes. */
const normalizeRecoveryCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, "");
const hashRecoveryCode = (code: string) => createHash("sha256").update(`recovery:${normalizeRecoveryCode(code)}`).digest("hex");

/** 16 base32 characters (80 bits), shown as XXXX-XXXX-XXXX-XXXX. */
function newRecoveryCode(): string {
  const text = new Secret({ buffer: randomBytes(10).buffer }).base32;
  return text.match(/.{4}/g)!.join("-");
}

async function takeCodeAttempt(accountId: string) {
  const key = `2fa:${accountId}`;
  const state = await reserve(key, CODE_LIMIT);
  if (state.exceeded) {
    const retryAfter = retryAfterSeconds(state);
    throw new ApiError("rate_limited", `Too many wrong codes. Try again in ${retryAfter} seconds.`, undefined, { "Retry-After": String(retryAfter) });
  }
  return () => release(key, CODE_LIMIT);
}

/** Whether `code` is a current TOTP code of the account that was not used before; counted against the code limit. */
async function acceptTotpCode(account: Account, secret: string, code: string): Promise<boolean> {
  const succeeded = await takeCodeAttempt(account.id);
  const token = code.replace(/\s/g, "");
  const delta = /^\d{6}$/.test(token) ? totpFor(account, secret).validate({ token, window: 1 }) : null;
  if (delta === null) return false;
  const step = Math.floor(Date.now() / 30_000) + delta;
  if (!(await acceptTotpStep(account.id, step))) return false;
  await succeeded();
  return true;
}

async function acceptRecoveryCode(account: Account, code: string, device: Device): Promise<boolean> {
  const succeeded = await takeCodeAttempt(account.id);
  if (!(await redeemRecoveryCode(account.id, hashRecoveryCode(code)))) return false;
  await succeeded();
  await recordSecurityEvent(account.id, "recovery_code_used", device);
  return true;
}

/**
 * After the password: with two-factor sign-in on, a valid code (or an unused recovery code) is required too,
 * else 401 `two_factor_required`.
 */
export async function verifySecondFactor(account: Account, input: SecondFactor, device: Device): Promise<void> {
  if (!account.totpEnabledAt || !account.totpSecret) return;
  if (!input.otp && !input.recovery_code) {
    throw new ApiError("two_factor_required", "Two-factor sign-in is on: send the code from your authenticator app as `otp` (or a `recovery_code`).");
  }
  const accepted = input.otp
    ? await acceptTotpCode(account, account.totpSecret, input.otp)
    : await acceptRecoveryCode(account, input.recovery_code!, device);
  if (!accepted) {
    throw new ApiError("two_factor_required", "That code is not valid (or was already used). Enter the current code from your authenticator app.");
  }
}

async function accountOf(principal: Principal): Promise<Account> {
  const account = await findAccountById(principal.accountId);
  if (!account) throw new ApiError("forbidden");
  return account;
}

/** Starts (or restarts) set-up: a new secret, as an otpauth:// URL and its QR code. Enabling needs a code from it. */
export async function setUpTwoFactor(principal: Principal) {
  const account = await accountOf(principal);
  const secret = new Secret({ size: 20 }).base32;
  if (!(await setPendingTotpSecret(account.id, secret))) {
    throw new ApiError("two_factor_enabled", "Two-factor sign-in is already on. Turn it off first to set up a new authenticator.");
  }
  const otpauthUrl = totpFor(account, secret).toString();
  const qrSvg = await QRCode.toString(otpauthUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { otpauth_url: otpauthUrl, qr_svg: qrSvg, secret };
}

/** Turns two-factor sign-in on with a code from the authenticator just set up; the recovery codes, shown once. */
export async function enableTwoFactor(principal: Principal, code: string, device: Device) {
  const account = await accountOf(principal);
  if (account.totpEnabledAt) throw new ApiError("two_factor_enabled", "Two-factor sign-in is already on.");
  if (!account.totpSecret) throw new ApiError("two_factor_not_set_up", "Start with POST /api/accounts/2fa/setup.");
  if (!(await acceptTotpCode(account, account.totpSecret, code))) {
    throw new ApiError("two_factor_code_incorrect", "That code is not valid. Enter the current code from your authenticator app.");
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  if (!(await enableTotp(account.id, codes.map(hashRecoveryCode)))) throw new ApiError("two_factor_enabled", "Two-factor sign-in is already on.");
  await recordSecurityEvent(account.id, "two_factor_enabled", device, principal.sessionId);
  return { recovery_codes: codes };
}

/**
 * Turns two-factor sign-in off with a current code (or an unused recovery code); callers check the password first
 * (assertCurrentPassword), as for every sensitive change.
 */
export async function disableTwoFactor(principal: Principal, input: { code: string }, device: Device) {
  const account = await accountOf(principal);
  if (!account.totpEnabledAt || !account.totpSecret) throw new ApiError("two_factor_not_set_up", "Two-factor sign-in is not on.");
  const accepted = /^\s*\d{3}\s?\d{3}\s*$/.test(input.code)
    ? await acceptTotpCode(account, account.totpSecret, input.code)
    : await acceptRecoveryCode(account, input.code, device);
  if (!accepted) throw new ApiError("two_factor_code_incorrect", "That code is not valid (or was already used).");
  await disableTotp(account.id);
  await recordSecurityEvent(account.id, "two_factor_disabled", device, principal.sessionId);
  return { two_factor_enabled: false };
}

export const unusedRecoveryCodes = (accountId: string) => countUnusedRecoveryCodes(accountId);

// The site's sign-in asks for the code on a second form. That form carries this challenge instead of the password:
// proof, for five minutes, that the password was right (bound to the password hash, so a password change voids it).
const CHALLENGE_TTL_MS = 5 * 60_000;

const challengeMac = (account: Account, expires: number) =>
  createHmac("sha256", authSecret()).update(`2fa-challenge:${account.id}:${expires}:${account.passwordHash}`).digest("base64url");

export const signInChallenge = (account: Account) => {
  const expires = Date.now() + CHALLENGE_TTL_MS;
  return `${account.id}.${expires}.${challengeMac(account, expires)}`;
};

/** The account a sign-in challenge was issued for, while it is valid. */
export async function accountOfChallenge(challenge: string): Promise<Account | undefined> {
  const [accountId, expiresText, mac] = challenge.split(".");
  const expires = Number(expiresText);
  if (!mac || !Number.isFinite(expires) || expires < Date.now() || !/^[0-9a-f-]{36}$/.test(accountId)) return undefined;
  const account = await findAccountById(accountId);
  if (!account || account.disabledAt) return undefined;
  const expected = Buffer.from(challengeMac(account, expires));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? account : undefined;
}
