import "server-only";
import {
  findAccountById,
  findAccountByUsername,
  insertAccount,
  updateAccountSettings,
  updateAccountEmail,
  updateAccountPasswordHash,
} from "@/db/queries/accounts";
import { listProfiles } from "@/db/queries/profiles";
import { findSubscription } from "@/db/queries/subscriptions";
import type { Credential } from "@/lib/access/profile-access";
import { ApiError, uniqueViolation } from "@/lib/api/errors";
import { updateCustomerEmail } from "@/lib/billing";
import { PROFILES_WITHOUT_PLAN } from "@/lib/billing/plans";
import { activePlan, describeSubscription } from "@/lib/billing/subscriptions";
import type { EmailChange } from "./email-verification";
import { startLoginAttempt } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password";
import { noteSignIn, recordSecurityEvent } from "./security-events";
import { verifySecondFactor, type SecondFactor } from "./two-factor";
import { createApiSession, issueRefreshToken, signOutOtherDevices, type Principal } from "./sessions";

type Device = { ip: string; userAgent?: string };

/** Maps a unique-index violation on accounts to the 409 the contract asks for. */
function conflictFrom(error: unknown): never {
  const constraint = uniqueViolation(error);
  if (constraint?.includes("username")) throw new ApiError("username_taken", "That username is already taken.");
  if (constraint?.includes("email")) throw new ApiError("email_taken", "That email address is already in use.");
  throw error;
}

export async function createAccount(input: { username: string; email: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  // The unique indexes decide between concurrent sign-ups; there is no read-then-write race to lose.
  const account = await insertAccount({ username: input.username, email: input.email, passwordHash }).catch(conflictFrom);
  return { id: account.id, username: account.username, email: account.email, created_at: account.createdAt.toISOString() };
}

/**
 * The account behind a username and password, through the failed-sign-in throttle. A disabled account is refused
 * exactly as a wrong password is (and counted as one), so the answer never tells whether the password was right.
 */
export async function verifyCredentials(input: { username: string; password: string }, device: Device) {
  const attempt = await startLoginAttempt(input.username, device.ip);
  const account = await findAccountByUsername(input.username);
  const valid = await verifyPassword(account?.passwordHash, input.password);
  if (!account || !valid || account.disabledAt) {
    throw new ApiError("invalid_credentials", "The username or password is incorrect.");
  }
  await attempt.succeeded();
  return account;
}

/** A new API session: its bearer token and the first refresh token of its family. */
export async function signIn(input: { username: string; password: string } & SecondFactor, device: Device) {
  const account = await verifyCredentials(input, device);
  await verifySecondFactor(account, input, device);
  const created = await createApiSession(account.id, device);
  const { token, session } = created;
  const refreshToken = await issueRefreshToken(session);
  await noteSignIn(account.id, created);
  return { token, session, refreshToken };
}

/**
 * Checks the account's current password before a sensitive change; wrong guesses count against the same
 * failed-sign-in throttle, so a borrowed session cannot be used to guess the password.
 */
export async function assertCurrentPassword(principal: Principal, password: string, ip: string): Promise<void> {
  const attempt = await startLoginAttempt(principal.username, ip);
  const account = await findAccountById(principal.accountId);
  if (!(await verifyPassword(account?.passwordHash, password))) {
    throw new ApiError("current_password_incorrect", "Your current password is incorrect.");
  }
  await attempt.succeeded();
}

/**
 * Before a sensitive change (password, email, a profile's PIN): through the site's session the current password is
 * required, as a browser left signed in must not be enough to take the account over; a bearer token was itself
 * obtained with the password, so for it the password is checked only when given.
 */
export async function confirmSensitiveChange(
  principal: Principal,
  credential: Credential,
  currentPassword: string | undefined,
  ip: string,
): Promise<void> {
  if (currentPassword !== undefined) return assertCurrentPassword(principal, currentPassword, ip);
  if (credential.kind === "cookie") {
    throw new ApiError("current_password_incorrect", "Enter your current password (current_password) to make this change.");
  }
}

/**
 * Sets the account's address at once (the contract's PUT /api/accounts/email); a different address is unconfirmed
 * until its link is opened. Returns what the callers mail after answering (`mailEmailChange`), when it changed.
 */
export async function changeEmail(principal: Principal, email: string, device: Device): Promise<EmailChange | undefined> {
  const before = await findAccountById(principal.accountId);
  await updateAccountEmail(principal.accountId, email).catch(conflictFrom);
  await updateCustomerEmail(principal.accountId, email);
  await recordSecurityEvent(principal.accountId, "email_changed", device, principal.sessionId);
  if (!before || before.email.toLowerCase() === email.toLowerCase()) return undefined;
  return { accountId: principal.accountId, username: before.username, previous: before.email, email };
}

/** Sets a new password and signs out every other device, keeping the caller's session. */
export async function changePassword(principal: Principal, password: string, device: Device) {
  await updateAccountPasswordHash(principal.accountId, await hashPassword(password));
  const signedOut = await signOutOtherDevices(principal);
  await recordSecurityEvent(principal.accountId, "password_changed", device, principal.sessionId);
  return { signed_out_sessions: signedOut };
}

export async function describeAccount(principal: Principal) {
  const [account, subscription, profiles] = await Promise.all([
    findAccountById(principal.accountId),
    findSubscription(principal.accountId),
    listProfiles(principal.accountId),
  ]);
  if (!account) throw new ApiError("forbidden");
  return {
    id: account.id,
    username: account.username,
    email: account.email,
    role: account.role,
    created_at: account.createdAt.toISOString(),
    email_verified: account.emailVerifiedAt !== null,
    display_name: account.displayName,
    phone: account.phone,
    subscription: describeSubscription(subscription),
    profile_count: profiles.length,
    profile_limit: activePlan(subscription)?.max_profiles ?? PROFILES_WITHOUT_PLAN,
  };
}

/** Name and phone (already validated: phone as E.164); null clears one. */
export async function updatePersonalDetails(principal: Principal, changes: { display_name?: string | null; phone?: string | null }) {
  await updateAccountSettings(principal.accountId, { displayName: changes.display_name, phone: changes.phone });
  return describeAccount(principal);
}
