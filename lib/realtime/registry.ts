import "server-only";
import { eventById, listenForEvents } from "@/db/queries/realtime";

// The process's subscribers, one LISTEN for all of them. It hangs off globalThis: server.ts (shutdown) and Next's
// bundled route code (the streams) load this module separately, and both must see the same registry and connection.
//
// Announcements arrive in commit order, and realtime_publish() makes ids commit in order and take one sequence value
// each, so consecutive announcements normally carry consecutive ids. A hole means one was missed (the listening
// connection dropped and came back) or a publishing transaction rolled back; either way every subscriber re-reads the
// table from its last delivered id instead of trusting the live path. That also covers the announcements that slip in
// while the connection re-listens, before its `onGap` runs.

export type RealtimeEvent = { id: number; topic: string; type: string; data: unknown };

export type Subscriber = {
  topics: readonly string[];
  /** A live event of one of its topics; events reach it in id order. */
  deliver(event: RealtimeEvent): void;
  /** Announcements may have been missed: re-read the table from the last delivered id. */
  resync(): void;
  /** The server is shutting down: end the stream now. */
  end(): void;
};

type Registry = {
  byTopic: Map<string, Set<Subscriber>>;
  all: Set<Subscriber>;
  listening?: Promise<() => Promise<void>>;
  /** Announcements are handled one after another, so one read by reference never lets a later event overtake it. */
  chain: Promise<void>;
  lastSeenId?: number;
};

const registryKey = Symbol.for("normflix.realtime");
const processState = globalThis as unknown as { [registryKey]?: Registry };
const registry: Registry = (processState[registryKey] ??= { byTopic: new Map(), all: new Set(), chain: Promise.resolve() });

type Announcement = { topic: string; id: number; type: string; data?: unknown };

function resyncAll() {
  registry.all.forEach((subscriber) => subscriber.resync());
}

async function dispatch(message: Announcement) {
  const gap = registry.lastSeenId !== undefined && message.id !== registry.lastSeenId + 1;
  registry.lastSeenId = Math.max(registry.lastSeenId ?? 0, message.id);
  if (gap) return resyncAll();
  const subscribers = registry.byTopic.get(message.topic);
  if (!subscribers?.size) return;
  let data = message.data;
  if (!("data" in message)) {
    // Too large for NOTIFY: read once for every subscriber of this process.
    const row = await eventById(message.id).catch(() => null);
    if (row === null) return subscribers.forEach((subscriber) => subscriber.resync());
    if (!row) return; // pruned already
    data = row.payload;
  }
  const event = { id: message.id, topic: message.topic, type: message.type, data };
  subscribers.forEach((subscriber) => subscriber.deliver(event));
}

function onAnnouncement(payload: string) {
  let message: Announcement;
  try {
    message = JSON.parse(payload) as Announcement;
  } catch {
    return;
  }
  registry.chain = registry.chain.then(() => dispatch(message)).catch((error: Error) => console.error(`realtime: ${error.message}`));
}

function onGap() {
  registry.chain = registry.chain.then(resyncAll);
}

/**
 * Adds `subscriber` once this process listens (so nothing published from now on can slip past it); returns the
 * function that removes it. The last one out stops listening.
 */
export async function addSubscriber(subscriber: Subscriber): Promise<() => void> {
  registry.all.add(subscriber);
  for (const topic of subscriber.topics) {
    const set = registry.byTopic.get(topic) ?? new Set();
    registry.byTopic.set(topic, set.add(subscriber));
  }
  const remove = () => {
    if (!registry.all.delete(subscriber)) return;
    for (const topic of subscriber.topics) {
      const set = registry.byTopic.get(topic);
      set?.delete(subscriber);
      if (set?.size === 0) registry.byTopic.delete(topic);
    }
    if (registry.all.size === 0 && registry.listening) {
      const stopping = registry.listening;
      registry.listening = undefined;
      registry.lastSeenId = undefined;
      void stopping.then((stop) => stop()).catch(() => undefined);
    }
  };
  try {
    registry.listening ??= listenForEvents(onAnnouncement, onGap);
    const listening = registry.listening;
    await listening.catch((error: unknown) => {
      if (registry.listening === listening) registry.listening = undefined;
      throw error;
    });
  } catch (error) {
    remove();
    throw error;
  }
  return remove;
}

/** Open subscribers: all of this process's, or those of one topic. */
export function subscriberCount(topic?: string): number {
  return topic === undefined ? registry.all.size : (registry.byTopic.get(topic)?.size ?? 0);
}

/** Ends every open stream of this process (graceful shutdown: the server cannot finish while they stay open). */
export function endAllSubscribers(): void {
  [...registry.all].forEach((subscriber) => subscriber.end());
}
