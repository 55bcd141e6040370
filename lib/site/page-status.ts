import { AsyncLocalStorage } from "node:async_hooks";
import type http from "node:http";

// A page that refuses (a stream it may not start, a party it may not join) answers the refusal's own status, as the
// API does, while still rendering the page that says why: server.ts runs each page load (not a client-side
// navigation) inside `answerPageWith`, and a server component that renders a refusal calls `refusePage(status)` before
// the response's head is written (outside any loading boundary). Next's own statuses (404, redirects) are left alone.
// The storage hangs off globalThis: server.ts and Next's bundles load this module separately.

const key = Symbol.for("normflix.page-status");
const state = globalThis as unknown as { [key]?: AsyncLocalStorage<{ status?: number }> };
const storage = (state[key] ??= new AsyncLocalStorage<{ status?: number }>());

/** Answers the page being rendered with `status` instead of 200 (a no-op outside a page request, or once sent). */
export function refusePage(status: number): void {
  const store = storage.getStore();
  if (store) store.status = status;
}

/** Runs `handle` for a page request so that a `refusePage` during its render sets the response's status. */
export function answerPageWith(res: http.ServerResponse, handle: () => Promise<void>): Promise<void> {
  const store: { status?: number } = {};
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
    return writeHead.call(this, statusCode === 200 && store.status ? store.status : statusCode, ...(rest as [])) as http.ServerResponse;
  } as typeof res.writeHead;
  return storage.run(store, handle);
}
