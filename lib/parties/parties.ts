import "server-only";
import { randomInt } from "node:crypto";
import { findEpisode, findTitle } from "@/db/queries/catalog";
import {
  findParty,
  findPartyByCode,
  inTransaction,
  insertParty,
  listMembers,
  lockParty,
  markAllLeft,
  markLeft,
  setBuffering,
  updateParty,
  upsertMember,
  type MemberRow,
} from "@/db/queries/parties";
import { endStream } from "@/db/queries/streams";
import type { Party } from "@/db/schema";
import type { Credential } from "@/lib/access/profile-access";
import type { Viewer } from "@/lib/access/rules";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError, uniqueViolation } from "@/lib/api/errors";
import { appUrl } from "@/lib/env";
import { startStream, findItem, type PlaybackItem, type StreamRequest } from "@/lib/playback/streams";
import { publish } from "@/lib/realtime";
import type { Transaction } from "@/db/client";

// Watch parties: who is in, who hosts, and the playback state everyone follows. The server's state is the truth:
// `position` at `updated_at`, moving on at `rate` while `playing`; clients compute where to be from it and their clock
// offset (components/party/). Every member plays on their own account: their own right to watch (canPlay, through
// startStream) and one of their own plan's streams. Every change is published on the party's topic in the same
// transaction, so a member on any instance sees it, in order, or not at all.

export const DEFAULT_MAX_MEMBERS = 8;
export const MAX_MEMBERS = 50;
/** No 0/O, 1/I/L: codes are read out loud and typed. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

export const partyTopic = (partyId: string) => `party.${partyId}`;

/** The caller of a party endpoint: the signed-in account, and the profile it named (if it named one). */
export type Caller = { principal: Principal; credential: Credential; viewer?: Viewer };

/** The caller's member of the party, with the party locked inside `tx` when one is given. */
export type Membership = { party: Party; member: MemberRow; members: MemberRow[] };

const newCode = () => Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");

/** Where the party is now, by the server's clock. */
export function positionNow(party: Pick<Party, "playing" | "position" | "rate" | "stateUpdatedAt">, now = Date.now()): number {
  if (!party.playing) return party.position;
  return party.position + (Math.max(0, now - party.stateUpdatedAt.getTime()) / 1000) * party.rate;
}

export function stateView(party: Party) {
  return {
    playing: party.playing,
    position: party.position,
    updated_at: party.stateUpdatedAt.toISOString(),
    rate: party.rate,
    waiting_for_members: party.heldForBuffering,
  };
}

const memberView = (party: Party) => (member: MemberRow) => ({
  member_id: member.profileId,
  profile: member.name,
  avatar: member.avatar,
  is_host: member.profileId === party.hostProfileId,
  buffering: member.buffering,
  joined_at: member.joinedAt.toISOString(),
});

export type PartyView = Awaited<ReturnType<typeof partyView>>;

async function partyView(party: Party, members: MemberRow[], you?: MemberRow) {
  const title = await findTitle(party.titleId, party.kind === "movie" ? "movie" : "show");
  const episode = party.kind === "episode" && party.season !== null && party.episode !== null ? await findEpisode(party.titleId, party.season, party.episode) : undefined;
  const host = members.find((member) => member.profileId === party.hostProfileId);
  return {
    id: party.id,
    code: party.code,
    invite_url: `${appUrl}/party/${party.code}`,
    title: {
      type: party.kind,
      id: party.kind === "movie" ? party.titleId : episode?.id ?? party.itemId,
      tv_show_id: party.kind === "episode" ? party.titleId : null,
      season: party.season,
      episode: party.episode,
      title: title?.title ?? "",
      episode_title: episode?.title ?? null,
    },
    host: host ? memberView(party)(host) : null,
    members: members.map(memberView(party)),
    you: you?.profileId ?? null,
    max_members: party.maxMembers,
    wait_for_everyone: party.waitForEveryone,
    state: stateView(party),
    created_at: party.createdAt.toISOString(),
    ended_at: party.endedAt?.toISOString() ?? null,
    server_time: new Date().toISOString(),
  };
}

export type CreateInput = { item: PlaybackItem; maxMembers?: number; waitForEveryone?: boolean };

/** A new party with the viewer as host and first member, playing from the start, paused. */
export async function createParty(viewer: Viewer, input: CreateInput, request: StreamRequest) {
  const found = await findItem(input.item);
  const stream = await startStream(viewer, input.item, request);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return await inTransaction(async (tx) => {
          const party = await insertParty(tx, {
            code: newCode(),
            hostProfileId: viewer.profile.id,
            kind: input.item.kind,
            itemId: found.itemId,
            titleId: found.title.id,
            season: input.item.kind === "episode" ? input.item.season : null,
            episode: input.item.kind === "episode" ? input.item.episode : null,
            maxMembers: input.maxMembers ?? DEFAULT_MAX_MEMBERS,
            waitForEveryone: input.waitForEveryone ?? false,
            position: 0,
          });
          await upsertMember(tx, { partyId: party.id, profileId: viewer.profile.id, accountId: viewer.principal.accountId, streamId: stream.stream_id });
          return { party, members: await listMembers(party.id, tx) };
        }).then(async ({ party, members }) => ({ ...(await partyView(party, members, members[0])), stream }));
      } catch (error) {
        // Another open party drew the same code: draw again.
        if (uniqueViolation(error) !== "parties_open_code_key" || attempt >= 4) throw error;
      }
    }
  } catch (error) {
    await endStream(viewer.principal.accountId, stream.stream_id);
    throw error;
  }
}

/** The party for a code from an invite (or its id), refusing ended ones. */
async function partyToJoin(codeOrId: string): Promise<Party> {
  const party = CODE_PATTERN.test(codeOrId) ? await findPartyByCode(codeOrId) : await findParty(codeOrId);
  if (!party) throw new ApiError("party_not_found", "There is no watch party with this code. Check the invite link.");
  if (party.endedAt) throw new ApiError("party_ended", "This watch party has ended.");
  return party;
}

const itemOf = (party: Party): PlaybackItem =>
  party.kind === "movie" ? { kind: "movie", movieId: party.titleId } : { kind: "episode", showId: party.titleId, season: party.season!, episode: party.episode! };

/**
 * Joins as the viewer's profile (again, after leaving or from another device: a new stream replaces the old one).
 * The right to watch and a stream come first, so a refused member never takes a place.
 */
export async function joinParty(viewer: Viewer, codeOrId: string, request: StreamRequest) {
  const found = await partyToJoin(codeOrId);
  assertRoom(found, await listMembers(found.id), viewer.profile.id);
  const stream = await startStream(viewer, itemOf(found), request);
  try {
    const joined = await inTransaction(async (tx) => {
      const party = await lockParty(tx, found.id);
      if (!party || party.endedAt) throw new ApiError("party_ended", "This watch party has ended.");
      const before = await listMembers(party.id, tx);
      assertRoom(party, before, viewer.profile.id);
      const previous = before.find((member) => member.profileId === viewer.profile.id);
      await upsertMember(tx, { partyId: party.id, profileId: viewer.profile.id, accountId: viewer.principal.accountId, streamId: stream.stream_id });
      const members = await listMembers(party.id, tx);
      const you = members.find((member) => member.profileId === viewer.profile.id)!;
      if (!previous) await publish(partyTopic(party.id), "member_joined", { member: memberView(party)(you), members: members.map(memberView(party)) }, tx);
      return { party, members, you, previousStream: previous?.streamId };
    });
    if (joined.previousStream) await endStream(viewer.principal.accountId, joined.previousStream);
    return { ...(await partyView(joined.party, joined.members, joined.you)), stream };
  } catch (error) {
    await endStream(viewer.principal.accountId, stream.stream_id);
    throw error;
  }
}

function assertRoom(party: Party, members: MemberRow[], profileId: string) {
  if (members.length >= party.maxMembers && !members.some((member) => member.profileId === profileId)) {
    throw new ApiError("party_full", `This watch party is full (${party.maxMembers} members).`, { max_members: party.maxMembers });
  }
}

/**
 * The caller's member of the party: the profile it named, else its account's only member (a site session: the
 * profile it watches as). A party the caller is not in does not exist for it; an ended one says so.
 */
async function membershipOf(caller: Caller, partyId: string, tx?: Transaction): Promise<Membership> {
  const party = tx ? await lockParty(tx, partyId) : await findParty(partyId);
  if (!party) throw new ApiError("party_not_found", "There is no watch party with this id, or you are not in it.");
  if (party.endedAt) throw new ApiError("party_ended", "This watch party has ended.");
  const members = await listMembers(party.id, tx);
  const mine = members.filter((member) => member.accountId === caller.principal.accountId);
  const wanted = caller.viewer?.profile.id ?? (caller.credential.kind === "cookie" ? caller.credential.selected?.id : undefined);
  const member = wanted ? mine.find((m) => m.profileId === wanted) : mine.length === 1 ? mine[0] : undefined;
  if (!member) {
    if (!wanted && mine.length > 1) throw new ApiError("validation_failed", "Several of this account's profiles are in this party: name one with `profile`.");
    throw new ApiError("party_not_found", "There is no watch party with this id, or you are not in it.");
  }
  return { party, member, members };
}

function assertHost({ party, member }: Membership) {
  if (party.hostProfileId !== member.profileId) throw new ApiError("not_party_host", "Only the party's host can do this.");
}

export async function getParty(caller: Caller, partyId: string) {
  const { party, members, member } = await membershipOf(caller, partyId);
  return partyView(party, members, member);
}

/** Checks membership only (the event stream, on every connection). */
export async function assertMember(caller: Caller, partyId: string): Promise<Membership> {
  return membershipOf(caller, partyId);
}

/** Leaves; the longest-present member becomes host when the host leaves, and the last one out ends the party. */
export async function leaveParty(caller: Caller, partyId: string) {
  const streamId = await inTransaction(async (tx) => {
    const { party, member, members } = await membershipOf(caller, partyId, tx);
    await markLeft(tx, party.id, member.profileId);
    const rest = members.filter((m) => m.profileId !== member.profileId);
    const topic = partyTopic(party.id);
    if (rest.length === 0) {
      await finish(tx, party, "last_member_left");
      return member.streamId;
    }
    await publish(topic, "member_left", { member: memberView(party)(member), members: rest.map(memberView(party)) }, tx);
    if (party.hostProfileId === member.profileId) {
      const updated = await updateParty(tx, party.id, { hostProfileId: rest[0].profileId });
      await publish(topic, "host_changed", { host: memberView(updated)(rest[0]), reason: "host_left" }, tx);
    }
    if (member.buffering) await releaseHold(tx, party, rest);
    return member.streamId;
  });
  if (streamId) await endStream(caller.principal.accountId, streamId);
  return {};
}

async function finish(tx: Transaction, party: Party, reason: "ended_by_host" | "last_member_left") {
  const now = new Date();
  await updateParty(tx, party.id, { endedAt: now, playing: false, position: positionNow(party, now.getTime()), stateUpdatedAt: now, heldForBuffering: false });
  await markAllLeft(tx, party.id);
  await publish(partyTopic(party.id), "ended", { reason, ended_at: now.toISOString() }, tx);
}

/** Ends the party for everyone (host only); every member's stream ends with it. */
export async function endParty(caller: Caller, partyId: string) {
  const members = await inTransaction(async (tx) => {
    const membership = await membershipOf(caller, partyId, tx);
    assertHost(membership);
    await finish(tx, membership.party, "ended_by_host");
    return membership.members;
  });
  await Promise.all(members.filter((m) => m.streamId).map((m) => endStream(m.accountId, m.streamId!)));
}

export type ControlInput = { action: "play" | "pause" | "seek"; position?: number };

/** The host moves everyone: play or pause (where given, else where the party is now), or seek. */
export async function control(caller: Caller, partyId: string, input: ControlInput) {
  return inTransaction(async (tx) => {
    const membership = await membershipOf(caller, partyId, tx);
    assertHost(membership);
    const { party } = membership;
    const now = new Date();
    const position = input.position ?? positionNow(party, now.getTime());
    if (input.action === "seek" && input.position === undefined) throw new ApiError("validation_failed", "A seek needs a `position`.");
    const playing = input.action === "seek" ? party.playing || party.heldForBuffering : input.action === "play";
    // A play while members rebuffer under "wait for everyone" waits for them; a pause lifts the hold.
    const hold = playing && party.waitForEveryone && membership.members.some((m) => m.buffering);
    const updated = await updateParty(tx, party.id, { playing: playing && !hold, heldForBuffering: hold, position, stateUpdatedAt: now });
    await publish(partyTopic(party.id), "state", { ...stateView(updated), action: input.action, by: membership.member.profileId }, tx);
    return { state: stateView(updated), server_time: new Date().toISOString() };
  });
}

/** Hands the host role to another member, named by profile name or member id. */
export async function transferHost(caller: Caller, partyId: string, target: string) {
  // The view is read after the commit: on PGlite (one connection) a read outside the transaction would wait for it.
  const changed = await inTransaction(async (tx) => {
    const membership = await membershipOf(caller, partyId, tx);
    assertHost(membership);
    const byId = membership.members.find((m) => m.profileId === target);
    const byName = membership.members.filter((m) => m.name === target);
    if (!byId && byName.length > 1) throw new ApiError("validation_failed", "Several members have this name: give the member_id instead.");
    const next = byId ?? byName[0];
    if (!next) throw new ApiError("validation_failed", "No member of this party has this name or member id.", [{ field: "body.profile", message: "not a member" }]);
    const updated = await updateParty(tx, membership.party.id, { hostProfileId: next.profileId });
    await publish(partyTopic(updated.id), "host_changed", { host: memberView(updated)(next), reason: "transferred" }, tx);
    return { party: updated, members: membership.members, you: membership.member };
  });
  return partyView(changed.party, changed.members, changed.you);
}

/** The host's options: "wait for everyone" pauses the party while any member rebuffers. */
export async function updateOptions(caller: Caller, partyId: string, options: { wait_for_everyone: boolean }) {
  const changed = await inTransaction(async (tx) => {
    const membership = await membershipOf(caller, partyId, tx);
    assertHost(membership);
    let party = await updateParty(tx, membership.party.id, { waitForEveryone: options.wait_for_everyone });
    if (!options.wait_for_everyone && party.heldForBuffering) {
      const now = new Date();
      party = await updateParty(tx, party.id, { playing: true, heldForBuffering: false, stateUpdatedAt: now });
      await publish(partyTopic(party.id), "state", { ...stateView(party), action: "resume", by: null }, tx);
    }
    await publish(partyTopic(party.id), "options", { wait_for_everyone: party.waitForEveryone }, tx);
    return { party, members: membership.members, you: membership.member };
  });
  return partyView(changed.party, changed.members, changed.you);
}

/**
 * A member's player started or stopped rebuffering. Under "wait for everyone" the first one to stall pauses the party
 * where it is, and the last one to recover resumes it.
 */
export async function reportBuffering(caller: Caller, partyId: string, buffering: boolean) {
  return inTransaction(async (tx) => {
    const { party, member, members } = await membershipOf(caller, partyId, tx);
    if (member.buffering === buffering) return { state: stateView(party) };
    await setBuffering(tx, party.id, member.profileId, buffering);
    const others = members.filter((m) => m.profileId !== member.profileId);
    if (buffering && party.waitForEveryone && party.playing) {
      const now = new Date();
      const held = await updateParty(tx, party.id, { playing: false, heldForBuffering: true, position: positionNow(party, now.getTime()), stateUpdatedAt: now });
      await publish(partyTopic(party.id), "state", { ...stateView(held), action: "hold", by: member.profileId }, tx);
      return { state: stateView(held) };
    }
    if (!buffering) return { state: stateView(await releaseHold(tx, party, others)) };
    return { state: stateView(party) };
  });
}

/** Resumes a party held for rebuffering members once none of `present` is still rebuffering. */
async function releaseHold(tx: Transaction, party: Party, present: MemberRow[]): Promise<Party> {
  if (!party.heldForBuffering || present.some((m) => m.buffering)) return party;
  const resumed = await updateParty(tx, party.id, { playing: true, heldForBuffering: false, stateUpdatedAt: new Date() });
  await publish(partyTopic(party.id), "state", { ...stateView(resumed), action: "resume", by: null }, tx);
  return resumed;
}

export { memberView };
