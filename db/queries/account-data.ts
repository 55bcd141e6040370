import "server-only";
import { eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { db, queryRows } from "../client";
import { accounts, profiles, rateLimits, realtimeEvents, viewingDays, viewingHours, viewingPositions } from "../schema";
import { playbackEvents } from "../schema/analytics";

/** Every table with an account_id or profile_id column, and which of the two it has (profile_id wins when both). */
export async function tablesOwnedByAccounts(): Promise<{ table: string; column: "account_id" | "profile_id" }[]> {
  const rows = await queryRows<{ table_name: string; column_name: "account_id" | "profile_id" }>(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and column_name in ('account_id', 'profile_id')
      and table_name in (select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE')
    order by table_name, column_name desc`);
  const byTable = new Map<string, "account_id" | "profile_id">();
  for (const row of rows) if (!byTable.has(row.table_name)) byTable.set(row.table_name, row.column_name);
  return [...byTable].map(([table, column]) => ({ table, column }));
}

/** The rows of `table` that belong to the account (by account_id, or by profile_id through its profiles). */
export async function rowsOfAccount(table: string, column: "account_id" | "profile_id", accountId: string, profileIds: string[]) {
  const owner: SQL =
    column === "account_id"
      ? sql`${sql.identifier(column)} = ${accountId}`
      : profileIds.length
        ? sql`${sql.identifier(column)} in (${sql.join(profileIds.map((id) => sql`${id}::uuid`), sql`, `)})`
        : sql`false`;
  return queryRows<Record<string, unknown>>(sql`select * from ${sql.identifier(table)} where ${owner}`);
}

export async function profileIdsOf(accountId: string): Promise<string[]> {
  const rows = await db().select({ id: profiles.id }).from(profiles).where(eq(profiles.accountId, accountId));
  return rows.map((row) => row.id);
}

/**
 * Deletes the account and everything kept about it, in one transaction: the tables that reference it cascade from
 * `accounts`; analytics rows (kept without foreign keys so the player's writes stay cheap), sign-in counters keyed by
 * the username and realtime events naming the account or its profiles are deleted by hand. False when there was no
 * such account.
 */
export async function deleteAccountData(accountId: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [account] = await tx.select({ username: accounts.username }).from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!account) return false;
    const ids = (await tx.select({ id: profiles.id }).from(profiles).where(eq(profiles.accountId, accountId))).map((row) => row.id);
    await tx.delete(viewingDays).where(eq(viewingDays.accountId, accountId));
    await tx.delete(viewingHours).where(eq(viewingHours.accountId, accountId));
    await tx.delete(playbackEvents).where(eq(playbackEvents.accountId, accountId));
    if (ids.length) await tx.delete(viewingPositions).where(inArray(viewingPositions.profileId, ids));
    const name = sql`lower(${account.username})`;
    await tx
      .delete(rateLimits)
      .where(
        or(
          sql`${rateLimits.key} = 'login:user:' || ${name}`,
          sql`${rateLimits.key} like 'login:pair:' || ${name} || ':%'`,
          sql`${rateLimits.key} = ${`2fa:${accountId}`}`,
          sql`${rateLimits.key} like ${`%:a:${accountId}`}`,
        ),
      );
    await tx
      .delete(realtimeEvents)
      .where(or(...[accountId, ...ids].map((id) => sql`${realtimeEvents.topic} like ${`%${id}%`}`)));
    await tx.delete(accounts).where(eq(accounts.id, accountId));
    return true;
  });
}
