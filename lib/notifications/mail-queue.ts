import "server-only";
import { claimDueEmails, failInterruptedEmails, markEmailFailed, markEmailSent } from "@/db/queries/notifications";
import { sendMail } from "@/lib/mail/mailer";
import { deliverDueReminders } from "./reminders";

// The notification mail queue, run by every app instance: rows in notification_emails are claimed with FOR UPDATE
// SKIP LOCKED and marked `sending` (committed) before they go out, so two instances never take the same message and
// a restart never sends one again. A refused send backs off and retries; one interrupted mid-send is failed.

const BATCH = 20;
const MAX_ATTEMPTS = 5;
/** A message still `sending` after this long belongs to a process that died mid-send. */
const INTERRUPTED_AFTER_MS = 10 * 60_000;
const backoffMs = (attempt: number) => 60_000 * 2 ** (attempt - 1);

/** Sends every message due at `now`; returns how many went out. */
export async function deliverDueEmails(now = new Date()): Promise<number> {
  await failInterruptedEmails(new Date(now.getTime() - INTERRUPTED_AFTER_MS));
  let sent = 0;
  for (let batch = await claimDueEmails(now, BATCH); batch.length; batch = await claimDueEmails(now, BATCH)) {
    for (const message of batch) {
      try {
        await sendMail({ to: message.to, subject: message.subject, text: message.text, html: message.html, messageId: `<${message.id}@normflix.notifications>` });
      } catch (error) {
        const reason = (error as Error).message.split("\n")[0].slice(0, 500);
        const retryAt = message.attempts < MAX_ATTEMPTS ? new Date(Date.now() + backoffMs(message.attempts)) : undefined;
        await markEmailFailed(message.id, reason, retryAt);
        console.error(`notification mail ${message.id.slice(0, 8)}: ${retryAt ? "will retry" : "gave up"}: ${reason}`);
        continue;
      }
      await markEmailSent(message.id);
      sent++;
    }
  }
  return sent;
}

/**
 * Runs the queue every `pollIntervalMs` (one pass at a time: reminders that fell due, then the mail, theirs included);
 * returns the function that stops it after its pass.
 */
export function startNotificationMail(pollIntervalMs = 5_000): () => Promise<void> {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pass: Promise<void> = Promise.resolve();
  const run = () => {
    pass = deliverDueReminders()
      .catch((error: Error) => console.error(`notification reminders: ${error.message.split("\n")[0]}`))
      .then(() => deliverDueEmails())
      .then(() => undefined)
      .catch((error: Error) => console.error(`notification mail: ${error.message.split("\n")[0]}`))
      .then(() => {
        if (!stopped) timer = setTimeout(run, pollIntervalMs).unref();
      });
  };
  run();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await pass;
  };
}
