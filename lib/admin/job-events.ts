import "server-only";
import { listenForJobChanges } from "@/db/queries/admin-jobs";
import type { Principal } from "@/lib/accounts/sessions";
import { requireAdmin } from "./guard";
import { listQueue, type JobStage } from "./jobs";

// The jobs view's live feed as server-sent events. Changes come from PostgreSQL LISTEN/NOTIFY (a trigger on
// transcode_jobs), so a job moved by a worker in another process or on another machine reaches every app instance;
// one listener per process fans out to its open streams. Each stream then re-reads its own filtered list: a
// notification says only "something changed", so a missed one is repaired by the next, or by the periodic resync.

const HEARTBEAT_MS = 15_000;
/** Coalesces a burst (every running job reports every few seconds) into one read. */
const DEBOUNCE_MS = 250;
/** Streams end after this long; EventSource reconnects by itself, which re-checks that the caller is still admin. */
const MAX_STREAM_MS = 5 * 60_000;

const subscribersKey = Symbol.for("normflix.job-event-subscribers");
const listenerKey = Symbol.for("normflix.job-event-listener");
const processState = globalThis as unknown as { [subscribersKey]?: Set<() => void>; [listenerKey]?: Promise<unknown> };
const subscribers = (processState[subscribersKey] ??= new Set());

function followJobChanges() {
  processState[listenerKey] ??= listenForJobChanges(() => subscribers.forEach((notify) => notify())).catch((error: Error) => {
    console.error(`jobs feed: cannot follow job changes, streams fall back to their resync: ${error.message.split("\n")[0]}`);
    delete processState[listenerKey];
  });
  return processState[listenerKey];
}

/** A `text/event-stream` response: a `jobs` event with the list now and after every change, heartbeat comments between. */
export async function streamJobEvents(principal: Principal | undefined, filter: { stage?: JobStage; asset_id?: string; limit: number }, signal: AbortSignal) {
  requireAdmin(principal);
  await followJobChanges();
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let last = "";
      let timer: ReturnType<typeof setTimeout> | undefined;
      let closed = false;
      const write = (text: string) => !closed && controller.enqueue(encoder.encode(text));
      const send = async () => {
        timer = undefined;
        const data = JSON.stringify(await listQueue(principal, filter));
        if (data !== last) write(`event: jobs\ndata: ${data}\n\n`);
        last = data;
      };
      const schedule = () => {
        timer ??= setTimeout(() => void send().catch(close), DEBOUNCE_MS);
      };
      const heartbeat = setInterval(() => {
        write(": heartbeat\n\n");
        schedule();
      }, HEARTBEAT_MS);
      const expire = setTimeout(() => close(), MAX_STREAM_MS);
      function close() {
        if (closed) return;
        cleanup();
        controller.close();
      }
      cleanup = () => {
        closed = true;
        subscribers.delete(schedule);
        clearInterval(heartbeat);
        clearTimeout(expire);
        clearTimeout(timer);
        signal.removeEventListener("abort", close);
      };
      subscribers.add(schedule);
      signal.addEventListener("abort", close);
      if (signal.aborted) return close();
      write("retry: 2000\n\n");
      await send();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression from buffering the stream; X-Accel-Buffering does the same for nginx.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
