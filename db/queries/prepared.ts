import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import { databaseKind, db } from "../client";
import { noteStatement } from "../query-trace";

/**
 * Runs fixed SQL text with positional parameters ($1, $2, …): on PostgreSQL as a named prepared statement (parsed
 * once per connection), on PGlite through its extended protocol. For hot paths, where assembling the statement with
 * the query builder on every call costs more CPU than the database spends running it.
 */
export async function runStatement<T>(text: string, params: unknown[]): Promise<T[]> {
  const client = (db() as unknown as { $client: Sql | PGlite }).$client;
  noteStatement(text);
  if (databaseKind() === "postgres") {
    return (await (client as Sql).unsafe(text, params as never[], { prepare: true })) as unknown as T[];
  }
  return (await (client as PGlite).query<T>(text, params)).rows;
}
