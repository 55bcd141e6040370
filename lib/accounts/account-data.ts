import "server-only";
import { deleteAccountData, profileIdsOf, rowsOfAccount, tablesOwnedByAccounts } from "@/db/queries/account-data";
import { findAccountById } from "@/db/queries/accounts";
import { ApiError } from "@/lib/api/errors";
import { billingProvider } from "@/lib/billing";
import { forgetCachedSessions } from "./sessions";

// The account's own data: all of it as JSON (GET /api/accounts/export), and deleting it (DELETE /api/accounts/me,
// DELETE /api/admin/users/{id}).

/** Secrets are named in the export but never shown: password, PIN, token and code hashes and the TOTP secret. */
const SECRET_COLUMN = /hash|secret/;

const redact = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([column, value]) => [column, SECRET_COLUMN.test(column) && value !== null ? "[redacted]" : value]));

/**
 * Everything stored about the account: its row, and the rows of every table that names it (account_id) or one of its
 * profiles (profile_id), found in the database's catalogue so a table added later is exported too.
 */
export async function exportAccount(accountId: string) {
  const account = await findAccountById(accountId);
  if (!account) throw new ApiError("forbidden");
  const profileIds = await profileIdsOf(accountId);
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const { table, column } of await tablesOwnedByAccounts()) {
    const rows = await rowsOfAccount(table, column, accountId, profileIds);
    if (rows.length) tables[table] = rows.map(redact);
  }
  const { passwordHash: _password, totpSecret: _secret, ...fields } = account;
  return { exported_at: new Date().toISOString(), account: fields, tables };
}

/**
 * Deletes the account and its data. A paid subscription is cancelled at the billing provider first, so deleting can
 * never leave someone charged for an account that no longer exists; if that fails, nothing is deleted.
 */
export async function deleteAccount(accountId: string): Promise<void> {
  await billingProvider().cancelNow(accountId);
  if (!(await deleteAccountData(accountId))) throw new ApiError("not_found", "No account with that id.");
  forgetCachedSessions(accountId);
}
