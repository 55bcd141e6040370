import "server-only";
import { eventStream, lastEventIdOf, type RealtimeEvent } from "@/lib/realtime";
import { assertMember, partyTopic, stateView, type Caller } from "./parties";

/** Streams end after this long; EventSource reconnects by itself, which checks again that the caller is a member. */
const LIFETIME_MS = 5 * 60_000;
/** How often the stream carries the server's clock (clients also ask for it at once, see GET /api/parties/clock). */
const TIME_EVERY_MS = 5_000;

export const serverTime = () => {
  const now = Date.now();
  return { server_time: new Date(now).toISOString(), server_ms: now };
};

/**
 * The party's events after the client's Last-Event-ID (else its current state first), then live, with `time` events;
 * members only, and only while they are: the stream ends after the party's end or the caller's own leaving (from any
 * of their devices), so a former member hears nothing more.
 */
export async function partyEvents(caller: Caller, partyId: string, req: Request) {
  const lastEventId = lastEventIdOf(req);
  const { party, member } = await assertMember(caller, partyId);
  const leftOrEnded = (event: RealtimeEvent) =>
    event.type === "ended" || (event.type === "member_left" && (event.data as { member?: { member_id?: string } }).member?.member_id === member.profileId);
  return eventStream({
    topics: [partyTopic(party.id)],
    signal: req.signal,
    lastEventId,
    lifetimeMs: LIFETIME_MS,
    // A member's page shows the party as it was when rendered; a control taken before the stream opened is not lost.
    initial: async () => [{ event: "state", data: stateView((await assertMember(caller, party.id)).party) }],
    tick: { event: "time", everyMs: TIME_EVERY_MS, data: serverTime },
    closeAfter: leftOrEnded,
  });
}
