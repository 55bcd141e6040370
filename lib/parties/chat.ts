import "server-only";
import { inTransaction, insertMessage, listMessages, type MessageRow } from "@/db/queries/parties";
import { ApiError } from "@/lib/api/errors";
import { consume, retryAfterSeconds, type Limit } from "@/lib/rate-limit";
import { publish } from "@/lib/realtime";
import { assertMember, partyTopic, positionNow, type Caller } from "./parties";

// Chat, reactions and typing in a party: plain text (the site renders it as text, never as HTML), each stamped with
// the party's video time, and throttled per member so one member cannot flood everyone's screen.

export { MESSAGE_MAX_CHARS } from "./limits";
const LIMITS = {
  message: { max: 10, windowSeconds: 10 },
  reaction: { max: 20, windowSeconds: 10 },
  typing: { max: 20, windowSeconds: 10 },
} satisfies Record<string, Limit>;

async function throttle(kind: keyof typeof LIMITS, partyId: string, profileId: string) {
  const state = await consume(`party:${kind}:${partyId}:${profileId}`, LIMITS[kind]);
  if (state.exceeded) {
    throw new ApiError("rate_limited", `Too many ${kind === "typing" ? "typing updates" : `${kind}s`}: wait a moment.`, undefined, {
      "Retry-After": String(retryAfterSeconds(state)),
    });
  }
}

export function messageView(row: MessageRow) {
  return {
    id: row.id,
    member_id: row.profileId,
    profile: row.name,
    avatar: row.avatar,
    text: row.text,
    position: row.position,
    created_at: row.createdAt.toISOString(),
  };
}

export async function postMessage(caller: Caller, partyId: string, text: string) {
  const { party, member } = await assertMember(caller, partyId);
  await throttle("message", party.id, member.profileId);
  return inTransaction(async (tx) => {
    const row = await insertMessage(tx, { partyId: party.id, profileId: member.profileId, text, position: positionNow(party) });
    const message = messageView(row);
    await publish(partyTopic(party.id), "message", message, tx);
    return message;
  });
}

export async function messageHistory(caller: Caller, partyId: string, page: { limit: number; offset: number; before?: number }) {
  const { party } = await assertMember(caller, partyId);
  const { items, total } = await listMessages(party.id, page.limit, page.offset, page.before);
  return { items: items.map(messageView), total, limit: page.limit, offset: page.offset };
}

export async function react(caller: Caller, partyId: string, emoji: string, position?: number) {
  const { party, member } = await assertMember(caller, partyId);
  await throttle("reaction", party.id, member.profileId);
  const reaction = { member_id: member.profileId, profile: member.name, avatar: member.avatar, emoji, position: position ?? positionNow(party), sent_at: new Date().toISOString() };
  await publish(partyTopic(party.id), "reaction", reaction);
  return reaction;
}

export async function setTyping(caller: Caller, partyId: string, typing: boolean) {
  const { party, member } = await assertMember(caller, partyId);
  await throttle("typing", party.id, member.profileId);
  await publish(partyTopic(party.id), "typing", { member_id: member.profileId, profile: member.name, typing });
  return {};
}
