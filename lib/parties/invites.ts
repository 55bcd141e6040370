import "server-only";
import { findAccountByUsername } from "@/db/queries/accounts";
import { findTitle } from "@/db/queries/catalog";
import { inTransaction } from "@/db/queries/parties";
import { ApiError } from "@/lib/api/errors";
import { notifyPartyInvite } from "@/lib/notifications/triggers";
import { consume, retryAfterSeconds } from "@/lib/rate-limit";
import { assertMember, type Caller } from "./parties";

// Inviting another NormFlix member to a party by their username: they get a `party_invite` notification (in the site's
// bell, live, and by email if they chose that) linking to the party. Joining still needs their own right to watch.

/** Invites per inviting member per hour: enough for a group of friends, too few to spam strangers with. */
const INVITE_LIMIT = { max: 20, windowSeconds: 3600 };

export async function inviteToParty(caller: Caller, partyId: string, username: string) {
  const { party, member } = await assertMember(caller, partyId);
  const state = await consume(`party:invite:${caller.principal.accountId}`, INVITE_LIMIT);
  if (state.exceeded) {
    throw new ApiError("rate_limited", "Too many invitations: try again later.", undefined, { "Retry-After": String(retryAfterSeconds(state)) });
  }
  const invitee = await findAccountByUsername(username);
  if (!invitee || invitee.disabledAt) throw new ApiError("member_not_found", `No NormFlix member has the username ${username}.`);
  if (invitee.id === caller.principal.accountId) {
    throw new ApiError("cannot_invite_self", "That is your own account: any of its profiles can join with the invite link.");
  }
  const title = await findTitle(party.titleId, party.kind === "movie" ? "movie" : "show");
  // A second invitation to the same party is not sent again (the notification's dedupe key).
  await inTransaction((tx) =>
    notifyPartyInvite(tx, { accountId: invitee.id, partyId: party.id, code: party.code, from: member.name, title: title?.title }),
  );
  return { invited: invitee.username };
}
