import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm";

// TRACE_QUERIES=true: server.ts runs each request inside `traceRequest`, and when its response ends logs how many
// statements it ran and how many of them read each table, e.g. `query trace: GET /browse 200 — 14 statements
// (profiles 1, titles 9, …)`. For finding repeated look-ups; off by default (it keeps every statement's text until
// the response ends). The storage hangs off globalThis: server.ts and Next's bundles load this module separately.

const key = Symbol.for("normflix.query-trace");
const state = globalThis as unknown as { [key]?: AsyncLocalStorage<string[]> };
const storage = (state[key] ??= new AsyncLocalStorage<string[]>());

/** Notes a statement for the request under way (a no-op outside one). */
export function noteStatement(text: string): void {
  storage.getStore()?.push(text);
}

/** For drizzle's `logger` option. */
export const traceLogger: Logger = { logQuery: (text) => noteStatement(text) };

/** The table each statement reads first (`from "profiles"` or `from profiles`), counted. */
export function tablesRead(statements: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of statements) {
    const table = /\bfrom\s+"?([a-z_]+)"?/i.exec(text)?.[1];
    if (table) counts.set(table, (counts.get(table) ?? 0) + 1);
  }
  return counts;
}

/** Runs `handle` with a statement log, and calls `report` with it once the response has ended. */
export function traceRequest(handle: () => Promise<void>, onEnd: (listener: () => void) => void, report: (statements: string[]) => void) {
  const statements: string[] = [];
  onEnd(() => report(statements));
  return storage.run(statements, handle);
}
