// A checksum of every table's rows, read straight from the database (with PGlite, only while no server has it open).
import { sql } from "drizzle-orm";

// Bookkeeping that legitimately moves on every request: rate-limit counters, and when a session was last used.
const SKIPPED_TABLES = new Set(["rate_limits"]);
const SKIPPED_COLUMNS = ["last_seen_at"];

export async function checksumTables(): Promise<Record<string, string>> {
  const client = await import("@/db/client");
  await client.openDatabase();
  try {
    const tables = await client.queryRows<{ name: string }>(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const sums: Record<string, string> = {};
    for (const { name } of tables) {
      if (SKIPPED_TABLES.has(name)) continue;
      const row = sql.raw(`(to_jsonb(t) - '{${SKIPPED_COLUMNS.join(",")}}'::text[])::text`);
      const [result] = await client.queryRows<{ rows: number; sum: string }>(
        sql`select count(*)::int as rows, md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as sum from ${sql.identifier(name)} t`,
      );
      sums[name] = `${result.rows}:${result.sum}`;
    }
    return sums;
  } finally {
    await client.closeDatabase();
  }
}
