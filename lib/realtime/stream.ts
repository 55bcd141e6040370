import "server-only";
import { eventsAfter, latestEventId } from "@/db/queries/realtime";
import { ApiError } from "@/lib/api/errors";
import { addSubscriber, type RealtimeEvent } from "./registry";

// One server-sent-event stream over the events of some topics (see README, "Realtime"). It replays what the client
// missed after its Last-Event-ID, then forwards live events, in id order and each once; comments keep idle proxies
// from closing it; it ends after a bounded lifetime (the client reconnects, and the route authorizes it again); a
// client that stops reading is dropped once its queue holds `maxQueueBytes`, and resumes from the table on reconnect.

export const HEARTBEAT_MS = 15_000;
export const LIFETIME_MS = 15 * 60_000;
export const MAX_QUEUE_BYTES = 256 * 1024;
const RETRY_MS = 2_000;
/** Rows per replay read. */
const BATCH = 500;

export type SnapshotFeed = {
  /** The SSE event name of each snapshot. */
  event: string;
  /** The whole current state, sent at once and again (when different) after events of the topics. */
  read: () => Promise<unknown>;
  /** Coalesces a burst of events into one read. */
  debounceMs?: number;
};

export type EventStreamOptions = {
  topics: string[];
  /** Ends the stream when the client goes away (the request's signal). */
  signal: AbortSignal;
  /** Where a reconnecting client left off (lastEventIdOf(req)); none: from now on. */
  lastEventId?: number;
  lifetimeMs?: number;
  heartbeatMs?: number;
  maxQueueBytes?: number;
  /** A feed of whole states instead of single events: the events only say when to re-read. */
  snapshot?: SnapshotFeed;
  /**
   * On a fresh connection (no Last-Event-ID): the current state a client without history starts from, read once the
   * stream is subscribed and sent first. Whatever happens after that read follows as events, so nothing between the
   * client's page load and its connection is lost.
   */
  initial?: () => Promise<{ event: string; data: unknown }[]>;
  /** An event without an id (never stored or replayed) sent at once and every `everyMs`, e.g. the server's clock. */
  tick?: { event: string; everyMs: number; data: () => unknown };
  /** Ends the stream once such an event is sent (e.g. the caller's own leaving): nothing after it is theirs to see. */
  closeAfter?: (event: RealtimeEvent) => boolean;
};

/** The client's resume point: the `Last-Event-ID` header (EventSource sends it), else `?last_event_id=`. */
export function lastEventIdOf(req: Request): number | undefined {
  const value = req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("last_event_id");
  if (value === null || value === "") return undefined;
  if (!/^\d{1,15}$/.test(value)) throw new ApiError("validation_failed", "Last-Event-ID must be an event id sent by this stream.");
  return Number(value);
}

const encoder = new TextEncoder();
const message = (event: string, data: unknown, id?: number) =>
  `${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** A `text/event-stream` response; resolves once the stream is subscribed (a database failure rejects, as a 503). */
export async function eventStream(options: EventStreamOptions): Promise<Response> {
  const { topics, signal, snapshot } = options;
  const maxQueueBytes = options.maxQueueBytes ?? MAX_QUEUE_BYTES;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let lastId = 0;
  let catching = false;
  let dirty = false;
  let snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  let lastSnapshot = "";
  let remove = () => {};
  let drained: (() => void) | undefined;

  const body = new ReadableStream<Uint8Array>(
    {
      start: (c) => void (controller = c),
      // The client read: a replay waiting for room goes on.
      pull: () => drained?.(),
      cancel: () => cleanup(),
    },
    { highWaterMark: maxQueueBytes, size: (chunk) => chunk.byteLength },
  );

  function cleanup() {
    closed = true;
    remove();
    clearInterval(heartbeat);
    clearInterval(ticker);
    clearTimeout(expiry);
    clearTimeout(snapshotTimer);
    signal.removeEventListener("abort", close);
    drained?.();
  }
  function close() {
    if (closed) return;
    cleanup();
    controller.close();
  }
  /** Queues `text`, unless the client has left `maxQueueBytes` unread: then it is dropped, queue and all. */
  function write(text: string) {
    if (closed) return;
    if ((controller.desiredSize ?? 0) <= 0) {
      cleanup();
      controller.error(new Error("realtime: the client fell too far behind"));
      return;
    }
    controller.enqueue(encoder.encode(text));
  }

  function emit(event: RealtimeEvent) {
    if (closed || event.id <= lastId) return;
    lastId = event.id;
    if (snapshot) snapshotTimer ??= setTimeout(() => void sendSnapshot().catch(close), snapshot.debounceMs ?? 0);
    else write(message(event.type, event.data, event.id));
    if (options.closeAfter?.(event)) close();
  }
  async function sendSnapshot() {
    snapshotTimer = undefined;
    const data = JSON.stringify(await snapshot!.read());
    if (data !== lastSnapshot) write(`id: ${lastId}\nevent: ${snapshot!.event}\ndata: ${data}\n\n`);
    lastSnapshot = data;
  }
  /** Until the client has read enough for the queue to take more (a replay comes from the table: it waits, not drops). */
  async function room() {
    while (!closed && (controller.desiredSize ?? 0) <= 0) await new Promise<void>((resolve) => (drained = resolve));
  }
  /** Reads the table from the last delivered id until it has nothing newer; live events meanwhile only ask again. */
  async function catchUp() {
    if (catching) return void (dirty = true);
    catching = true;
    try {
      do {
        dirty = false;
        for (;;) {
          const rows = await eventsAfter(topics, lastId, BATCH);
          for (const row of rows) {
            await room();
            emit({ id: row.id, topic: row.topic, type: row.type, data: row.payload });
          }
          if (rows.length < BATCH || closed) break;
        }
      } while (dirty && !closed);
    } catch {
      close(); // the database is away: the client reconnects and resumes from its Last-Event-ID
    } finally {
      catching = false;
    }
  }

  // Not while replaying: that writes anyway, and may be waiting for a full queue to drain.
  const heartbeat = setInterval(() => catching || write(": heartbeat\n\n"), options.heartbeatMs ?? HEARTBEAT_MS);
  const expiry = setTimeout(close, options.lifetimeMs ?? LIFETIME_MS);
  const { tick } = options;
  const sendTick = () => catching || write(message(tick!.event, tick!.data()));
  const ticker = tick && setInterval(sendTick, tick.everyMs);
  ticker?.unref?.();
  heartbeat.unref?.();
  expiry.unref?.();
  signal.addEventListener("abort", close);

  catching = true; // until the starting point is known, live events only mark the stream dirty
  try {
    remove = await addSubscriber({
      topics,
      deliver: (event) => (catching ? void (dirty = true) : emit(event)),
      resync: () => void catchUp(),
      end: close,
    });
    const latest = await latestEventId();
    lastId = snapshot ? latest : Math.min(options.lastEventId ?? latest, latest);
  } catch (error) {
    cleanup();
    throw error;
  }
  write(`retry: ${RETRY_MS}\n\n`);
  try {
    if (snapshot) await sendSnapshot();
    else if (options.initial && options.lastEventId === undefined) {
      for (const { event, data } of await options.initial()) write(message(event, data, lastId));
    }
  } catch (error) {
    cleanup();
    throw error;
  }
  catching = false;
  if (tick) sendTick();
  if (signal.aborted) close();
  // Not awaited: a long replay waits for the client to read, which it can only do once it has the response.
  void catchUp();

  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression from buffering the stream; X-Accel-Buffering does the same for nginx.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
