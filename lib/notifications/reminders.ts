import "server-only";
import { db } from "@/db/client";
import { takeDueReminders } from "@/db/queries/purchases";
import { notifyRentalExpiring } from "./triggers";

// Notifications scheduled for later by the event that makes them due (a rental's window opening schedules its "6 hours
// left"): run by the notification queue of every instance. Each batch is taken, notified and deleted in one
// transaction, so a reminder is sent once even when two instances look at the same moment or one dies mid-batch.

const BATCH = 50;

/** Sends every reminder due at `now`; returns how many notified. */
export async function deliverDueReminders(now = new Date()): Promise<number> {
  let sent = 0;
  for (;;) {
    const taken = await db().transaction(async (tx) => {
      const due = await takeDueReminders(tx, now, BATCH);
      for (const rental of due) await notifyRentalExpiring(tx, rental, now);
      return due.length;
    });
    sent += taken;
    if (taken < BATCH) return sent;
  }
}
