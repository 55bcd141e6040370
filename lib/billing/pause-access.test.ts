import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/rules";
import type { PlaybackFixture } from "@/lib/playback/test-fixtures";
import { useFreshDatabase } from "@/test/fresh-database";

// What pausing and cancelling mean for the right to play (lib/access/rules.ts reads activePlan), with the local
// provider: a paused subscription cannot stream and streams again once the pause is over or resumed early; cancelling
// at period end keeps access, cancelling now ends it; the reason is kept. Runs on this file's own database.

let m: {
  client: typeof import("@/db/client");
  schema: typeof import("@/db/schema");
  streams: typeof import("@/lib/playback/streams");
  billing: typeof import("@/lib/billing/subscriptions");
  drizzle: typeof import("drizzle-orm");
};
let fixture: PlaybackFixture;
let movieId: string;

useFreshDatabase();

beforeAll(async () => {
  m = {
    client: await import("@/db/client"),
    schema: await import("@/db/schema"),
    streams: await import("@/lib/playback/streams"),
    billing: await import("@/lib/billing/subscriptions"),
    drizzle: await import("drizzle-orm"),
  };
  const { mediaDir } = await import("@/lib/env");
  fixture = await (await import("@/lib/playback/test-fixtures")).seedPlaybackFixture(mediaDir);
  const [movie] = await m.client
    .db()
    .insert(m.schema.titles)
    .values({ kind: "movie", title: `Paused ${randomUUID().slice(0, 6)}`, year: 2026, maturityRating: "PG-13", maturityLevel: 2, mediaAssetId: fixture.assetId, access: "subscription" })
    .returning();
  movieId = movie.id;
});

/** A member on the Premium plan (local provider), with one profile. */
async function member(): Promise<Viewer> {
  const { db } = m.client;
  const { accounts, profiles } = m.schema;
  const username = `pause_${randomUUID().slice(0, 8)}`;
  const [account] = await db().insert(accounts).values({ username, email: `${username}@example.com`, passwordHash: "x" }).returning();
  await m.billing.changePlan(account.id, "premium", "year");
  const [profile] = await db().insert(profiles).values({ accountId: account.id, name: "Main", maturityLevel: 4, maturityRating: "NC-17" }).returning();
  return { principal: { accountId: account.id, sessionId: randomUUID(), username, role: "viewer" }, profile };
}

/** "plays" or the refusal's code; each attempt on a device of its own, its stream ended again. */
async function play(viewer: Viewer): Promise<string> {
  try {
    const started = await m.streams.startStream(viewer, { kind: "movie", movieId }, { userAgent: `device-${randomUUID()}` });
    await m.client.db().delete(m.schema.streams).where(m.drizzle.eq(m.schema.streams.accountId, viewer.principal.accountId));
    return started ? "plays" : "nothing";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe("pause, resume and cancel, as access sees them", () => {
  it("a paused subscription cannot stream; it streams again when the pause is over, by itself", async () => {
    const viewer = await member();
    expect(await play(viewer)).toBe("plays");
    const paused = await m.billing.pauseSubscription(viewer.principal.accountId, 2);
    expect(paused).toMatchObject({ status: "paused", has_access: false });
    expect(await play(viewer)).toBe("subscription_required");

    // Time passes: the pause's end is now behind us, and nothing else has to happen.
    const { subscriptions } = m.schema;
    await m.client.db().update(subscriptions).set({ pausedUntil: new Date(Date.now() - 1000) }).where(m.drizzle.eq(subscriptions.accountId, viewer.principal.accountId));
    expect(await play(viewer)).toBe("plays");
    expect(await m.billing.getSubscription(viewer.principal.accountId)).toMatchObject({ status: "active", paused_until: null, has_access: true });
  });

  it("resuming early gives access back at once and returns the unused pause", async () => {
    const viewer = await member();
    const before = await m.billing.getSubscription(viewer.principal.accountId);
    const paused = await m.billing.pauseSubscription(viewer.principal.accountId, 3);
    expect(new Date(paused.current_period_end!).getTime() - new Date(before.current_period_end!).getTime()).toBe(90 * 86_400_000);
    await expect(m.billing.pauseSubscription(viewer.principal.accountId, 1)).rejects.toMatchObject({ code: "subscription_not_pausable", status: 409 });
    const resumed = await m.billing.resumeSubscriptionNow(viewer.principal.accountId);
    expect(resumed).toMatchObject({ status: "active", paused_until: null, has_access: true });
    expect(Math.abs(new Date(resumed.current_period_end!).getTime() - new Date(before.current_period_end!).getTime())).toBeLessThan(5_000);
    expect(await play(viewer)).toBe("plays");
    await expect(m.billing.resumeSubscriptionNow(viewer.principal.accountId)).rejects.toMatchObject({ code: "nothing_to_resume", status: 409 });
  });

  it("cancelling at period end keeps access to that end; cancelling now ends it at once; the reason is kept", async () => {
    const viewer = await member();
    const { accountId } = viewer.principal;
    const later = await m.billing.cancelSubscriptionWith(accountId, { atPeriodEnd: true, reason: "too_expensive", feedback: "Back in the summer" });
    expect(later).toMatchObject({ status: "active", cancel_at_period_end: true, has_access: true });
    expect(await play(viewer)).toBe("plays");
    await expect(m.billing.pauseSubscription(accountId, 1)).rejects.toMatchObject({ code: "subscription_not_pausable" });

    const now = await m.billing.cancelSubscriptionWith(accountId, { atPeriodEnd: false, reason: "unused" });
    expect(now).toMatchObject({ status: "canceled", has_access: false });
    expect(await play(viewer)).toBe("subscription_required");
    await expect(m.billing.cancelSubscriptionWith(accountId, { atPeriodEnd: false })).rejects.toMatchObject({ code: "subscription_not_active" });

    const { subscriptionCancellations: cancellations } = m.schema;
    const rows = await m.client.db().select().from(cancellations).where(m.drizzle.eq(cancellations.accountId, accountId)).orderBy(cancellations.createdAt);
    expect(rows.map((row) => [row.plan, row.atPeriodEnd, row.reason, row.feedback])).toEqual([
      ["premium", true, "too_expensive", "Back in the summer"],
      ["premium", false, "unused", null],
    ]);
  });
});
