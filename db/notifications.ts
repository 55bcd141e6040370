import type postgres from "postgres";
import type { Options } from "postgres";

// LISTEN on PostgreSQL over one dedicated connection that comes back after the database drops it.
// postgres.js's own `sql.listen` re-listens once when its connection closes and silently gives up if that attempt
// fails (the database still restarting), so notifications would stop for good; this one retries until it is back.

type Handler = (payload: string) => void;
export type NotificationState = "idle" | "listening" | "reconnecting";

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 2_000;

export type Notifications = {
  /** Subscribes `onPayload` to `channel`; `onGap` runs after a reconnect, when notifications may have been missed. */
  listen(channel: string, onPayload: Handler, onGap?: () => void): Promise<() => Promise<void>>;
  state(): NotificationState;
  close(): Promise<void>;
};

type Connect = typeof postgres;

export function createNotifications(connect: Connect, url: string, options: Options<Record<string, never>>): Notifications {
  const handlers = new Map<string, Set<Handler>>();
  const gapHandlers = new Set<() => void>();
  let listening = false;
  let retrying = false;
  let closed = false;
  let attempt = 0;

  // Kept open for good (postgres.js's default idle_timeout is none): notifications only arrive on an open connection.
  const sql = connect(url, {
    ...options,
    max: 1,
    max_lifetime: null,
    fetch_types: false,
    onnotify: (channel: string, payload: string) => handlers.get(channel)?.forEach((handler) => handler(payload)),
    onclose: () => {
      if (!listening) return; // a failed attempt: its own catch schedules the next one
      listening = false;
      scheduleRetry();
    },
  } as Options<Record<string, never>>);

  const quoted = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

  async function listenAll() {
    for (const channel of handlers.keys()) await sql.unsafe(`listen ${quoted(channel)}`);
  }

  function scheduleRetry() {
    if (closed || retrying) return;
    retrying = true;
    const delay = Math.min(RETRY_MIN_MS * 2 ** attempt++, RETRY_MAX_MS);
    setTimeout(async () => {
      try {
        await listenAll();
        listening = true;
        attempt = 0;
        gapHandlers.forEach((handler) => handler());
      } catch {
        // Still unreachable: try again, a little later each time.
      } finally {
        retrying = false;
      }
      if (!listening) scheduleRetry();
    }, delay).unref();
  }

  return {
    async listen(channel, onPayload, onGap) {
      const existing = handlers.get(channel);
      if (existing) existing.add(onPayload);
      else {
        handlers.set(channel, new Set([onPayload]));
        try {
          await sql.unsafe(`listen ${quoted(channel)}`);
        } catch (error) {
          handlers.delete(channel);
          throw error;
        }
        listening = true;
      }
      if (onGap) gapHandlers.add(onGap);
      return async () => {
        handlers.get(channel)?.delete(onPayload);
        if (onGap) gapHandlers.delete(onGap);
        if (handlers.get(channel)?.size === 0) {
          handlers.delete(channel);
          await sql.unsafe(`unlisten ${quoted(channel)}`).catch(() => undefined);
        }
      };
    },
    state: () => (handlers.size === 0 ? "idle" : listening ? "listening" : "reconnecting"),
    close: async () => {
      closed = true;
      await sql.end({ timeout: 5 });
    },
  };
}
