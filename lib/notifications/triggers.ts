import "server-only";
import type { Transaction } from "@/db/client";
import { followersOfShow, listersOfTitle, type Recipient } from "@/db/queries/notifications";
import type { DueReminder } from "@/db/queries/purchases";
import type { Episode, Session, Title } from "@/db/schema";
import { notify, type NotificationInput } from "./notify";

// The events that notify, each called inside the transaction that makes the event happen. A rental's "6 hours left"
// is scheduled when its window opens (db/queries/purchases.ts) and sent from the queue when due (./reminders.ts).

const titlePath = (title: Pick<Title, "id" | "kind">) => `/title/${title.kind}/${title.id}`;
const namesOf = (recipients: Recipient[]) => Object.fromEntries(recipients.map((r) => [r.profileId, r.profileName]));

/** A new episode of a show a profile has on My List or is watching. */
export async function notifyNewEpisode(tx: Transaction, show: Pick<Title, "id" | "title">, episode: Episode) {
  const recipients = await followersOfShow(show.id, tx);
  const label = `S${episode.seasonNumber}:E${episode.number} “${episode.title}”`;
  const inputs = recipients.map(
    (r): NotificationInput => ({
      accountId: r.accountId,
      profileId: r.profileId,
      type: "new_episode",
      title: `New episode of ${show.title}`,
      body: `${label} is now on NormFlix.`,
      url: titlePath({ id: show.id, kind: "show" }),
      data: { show_id: show.id, episode_id: episode.id, season: episode.seasonNumber, episode: episode.number, show_title: show.title, episode_title: episode.title },
      dedupeKey: `new_episode:${episode.id}:${r.profileId}`,
    }),
  );
  return notify(inputs, tx, namesOf(recipients));
}

/** A title on a profile's My List was published (again). Once per profile and title, however often it comes back. */
export async function notifyTitleAvailable(tx: Transaction, title: Pick<Title, "id" | "kind" | "title">) {
  const recipients = await listersOfTitle(title.id, tx);
  const inputs = recipients.map(
    (r): NotificationInput => ({
      accountId: r.accountId,
      profileId: r.profileId,
      type: "title_available",
      title: `${title.title} is available`,
      body: `${title.title}, on your list, can be watched now.`,
      url: titlePath(title),
      data: { title_id: title.id, type: title.kind, title: title.title },
      dedupeKey: `title_available:${title.id}:${r.profileId}`,
    }),
  );
  return notify(inputs, tx, namesOf(recipients));
}

/** A rental whose window ends soon; once per rental. */
export async function notifyRentalExpiring(tx: Transaction, rental: DueReminder, now: Date) {
  const hours = Math.max(1, Math.round((rental.expiresAt.getTime() - now.getTime()) / 3_600_000));
  const ends = rental.expiresAt.toISOString();
  return notify(
    [
      {
        accountId: rental.accountId,
        type: "rental_expiring",
        title: `${rental.title}: ${hours} ${hours === 1 ? "hour" : "hours"} left`,
        body: `Your rental of ${rental.title} ends at ${ends.slice(0, 16).replace("T", " ")} UTC. Finish watching before then, or buy it to keep it.`,
        url: titlePath({ id: rental.titleId, kind: rental.kind }),
        data: { title_id: rental.titleId, purchase_id: rental.purchaseId, expires_at: ends, title: rental.title, hours },
        dedupeKey: `rental_expiring:${rental.purchaseId}`,
      },
    ],
    tx,
  );
}

export type FailedPayment = { accountId: string; invoiceId: string; attempt: number; amountDue: number; currency: string };

const money = (cents: number, currency: string) => new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);

/** A charge was declined: once per invoice and attempt, however many webhooks report it. */
export async function notifyPaymentFailed(tx: Transaction, payment: FailedPayment) {
  return notify(
    [
      {
        accountId: payment.accountId,
        type: "payment_failed",
        title: "Your payment failed",
        body: `We could not charge ${money(payment.amountDue, payment.currency)} for your NormFlix plan. Update your payment method to keep watching.`,
        url: "/account",
        data: { invoice_id: payment.invoiceId, attempt: payment.attempt, amount_due: payment.amountDue, currency: payment.currency },
        dedupeKey: `payment_failed:${payment.invoiceId}:${payment.attempt}`,
      },
    ],
    tx,
  );
}

/** A member of a watch party invited this account; once per party and account, however often they ask. */
export async function notifyPartyInvite(tx: Transaction, invite: { accountId: string; partyId: string; code: string; from: string; title?: string }) {
  return notify(
    [
      {
        accountId: invite.accountId,
        type: "party_invite",
        title: `${invite.from} invited you to a watch party`,
        body: `Watch ${invite.title ?? "a title"} together: join from this link or with the code ${invite.code}.`,
        url: `/party/${invite.code}`,
        data: { party_id: invite.partyId, code: invite.code, from: invite.from, ...(invite.title && { title: invite.title }) },
        dedupeKey: `party_invite:${invite.partyId}:${invite.accountId}`,
      },
    ],
    tx,
  );
}

/** A sign-in from a browser or app the account never signed in from (decided by rememberSessionDevice). */
export async function notifyNewDevice(tx: Transaction, session: Session) {
  const device = session.userAgent ? session.userAgent.slice(0, 120) : "an unknown device";
  return notify(
    [
      {
        accountId: session.accountId,
        type: "new_device",
        title: "New sign-in to your account",
        body: `Someone signed in from ${device}${session.ip ? ` (IP ${session.ip})` : ""}. If this was not you, sign that device out and change your password.`,
        url: "/account",
        data: { session_id: session.id, user_agent: session.userAgent, ip: session.ip },
        dedupeKey: `new_device:${session.id}`,
      },
    ],
    tx,
  );
}
