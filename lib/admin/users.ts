import "server-only";
import { deleteAccount } from "@/lib/accounts/account-data";
import {
  findAccountForAdmin,
  listAccountSessions,
  listAccountsForAdmin,
  listAdmins,
  setAccountDisabled,
  setAccountRole,
  type AdminAccountRow,
} from "@/db/queries/admin-users";
import type { Account } from "@/db/schema";
import { forgetCachedSessions, type Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { requireAdmin } from "./guard";

// Account administration: find accounts, see their plan and devices, disable them, grant or take the admin role.

const describe = (row: Omit<AdminAccountRow, "total">) => ({
  id: row.id,
  username: row.username,
  email: row.email,
  role: row.role,
  disabled: row.disabledAt !== null,
  disabled_at: row.disabledAt?.toISOString() ?? null,
  created_at: row.createdAt.toISOString(),
  plan: row.plan ?? null,
  subscription_status: row.subscriptionStatus ?? "none",
  live_sessions: row.liveSessions,
  last_seen_at: row.lastSeenAt?.toISOString() ?? null,
});

export type AdminAccountView = ReturnType<typeof describe>;

export async function searchAccounts(principal: Principal | undefined, filter: { q?: string; limit: number; offset: number }) {
  requireAdmin(principal);
  const { rows, total } = await listAccountsForAdmin(filter);
  return { items: rows.map(describe), total, limit: filter.limit, offset: filter.offset };
}

export async function getAccountDetail(principal: Principal | undefined, accountId: string) {
  requireAdmin(principal);
  const [row, sessions] = await Promise.all([findAccountForAdmin(accountId), listAccountSessions(accountId)]);
  if (!row) throw new ApiError("not_found", "No account with that id.");
  return {
    ...describe(row),
    sessions: sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      user_agent: s.userAgent,
      ip: s.ip,
      created_at: s.createdAt.toISOString(),
      last_seen_at: s.lastSeenAt.toISOString(),
      expires_at: s.expiresAt.toISOString(),
    })),
  };
}

/** Disables an account and ends every one of its sessions at once; sign-in is refused until it is enabled again. */
export async function disableAccount(principal: Principal | undefined, accountId: string) {
  requireAdmin(principal);
  if (accountId === principal.accountId) throw new ApiError("conflict", "You cannot disable your own account.");
  const ended = await setAccountDisabled(accountId, true);
  if (ended === undefined) throw new ApiError("not_found", "No account with that id.");
  forgetCachedSessions(accountId);
  return { ...(await getAccountDetail(principal, accountId)), ended_sessions: ended };
}

/** Deletes an account and all its data (its subscription cancelled first); never the caller's own. */
export async function deleteUserAccount(principal: Principal | undefined, accountId: string) {
  requireAdmin(principal);
  if (accountId === principal.accountId) throw new ApiError("conflict", "You cannot delete your own account here.");
  await deleteAccount(accountId);
  return { deleted: true as const };
}

export async function enableAccount(principal: Principal | undefined, accountId: string) {
  requireAdmin(principal);
  if ((await setAccountDisabled(accountId, false)) === undefined) throw new ApiError("not_found", "No account with that id.");
  return getAccountDetail(principal, accountId);
}

export async function changeAccountRole(principal: Principal | undefined, accountId: string, role: Account["role"]) {
  requireAdmin(principal);
  const result = await setAccountRole({ id: accountId }, role);
  if (result === undefined) throw new ApiError("not_found", "No account with that id.");
  if (result === "last_admin") throw new ApiError("conflict", "This is the last admin account: grant the role to someone else first.");
  forgetCachedSessions(accountId);
  return getAccountDetail(principal, accountId);
}

// The operator's command line (scripts/admin.ts): whoever can reach the database or DATA_DIR is trusted already.

export async function grantAdminByUsername(username: string, role: Account["role"]): Promise<string> {
  const result = await setAccountRole({ username }, role);
  if (result === undefined) throw new Error(`No account named "${username}".`);
  if (result === "last_admin") throw new Error(`"${username}" is the last admin: grant the role to someone else first.`);
  return result.role === "admin" ? `${result.username} is now an admin.` : `${result.username} is no longer an admin.`;
}

export async function describeAdmins(): Promise<string[]> {
  return (await listAdmins()).map((a) => `${a.username} <${a.email}>${a.disabledAt ? " (disabled)" : ""}`);
}
