import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/rules";
import type { PlaybackFixture } from "@/lib/playback/test-fixtures";
import { useFreshDatabase } from "@/test/fresh-database";

// The right to play at stream start (lib/access/rules.ts), for every access kind × who asks: no plan, basic, premium,
// a purchase, a rental, a rental run out. Then the rental window (opened once by the first stream, even by two at
// once), selling with the local provider (409 on a second sale, kids refused, rent → buy) and the account's list.
// Runs on this file's own database (a fresh one on PostgreSQL: it adds titles).

let m: {
  client: typeof import("@/db/client");
  schema: typeof import("@/db/schema");
  streams: typeof import("@/lib/playback/streams");
  purchases: typeof import("@/lib/purchases/purchases");
  queries: typeof import("@/db/queries/purchases");
  signing: typeof import("@/lib/playback/signing");
  drizzle: typeof import("drizzle-orm");
};
let fixture: PlaybackFixture;

useFreshDatabase();

beforeAll(async () => {
  m = {
    client: await import("@/db/client"),
    schema: await import("@/db/schema"),
    streams: await import("@/lib/playback/streams"),
    purchases: await import("@/lib/purchases/purchases"),
    queries: await import("@/db/queries/purchases"),
    signing: await import("@/lib/playback/signing"),
    drizzle: await import("drizzle-orm"),
  };
  const { mediaDir } = await import("@/lib/env");
  fixture = await (await import("@/lib/playback/test-fixtures")).seedPlaybackFixture(mediaDir);
});

type Access = "subscription" | "rent_or_buy" | "premium_early_access" | "free";
type Holder = "no plan" | "basic" | "premium" | "owned" | "rented" | "rental expired";

/** A movie of its own with the fixture's ready video, this access, and a rent and a buy offer when it is sold. */
async function movieWith(access: Access): Promise<string> {
  const { db } = m.client;
  const { titles, titleOffers } = m.schema;
  const [movie] = await db()
    .insert(titles)
    .values({ kind: "movie", title: `Sold ${randomUUID().slice(0, 6)}`, year: 2026, maturityRating: "PG-13", maturityLevel: 2, mediaAssetId: fixture.assetId, access })
    .returning();
  if (access === "rent_or_buy" || access === "premium_early_access") {
    await db().insert(titleOffers).values([
      { titleId: movie.id, kind: "rent", priceCents: 399, rentalHours: 48, startWithinDays: 30 },
      { titleId: movie.id, kind: "buy", priceCents: 1499 },
    ]);
  }
  return movie.id;
}

async function viewerWith(options: { plan?: "basic" | "premium"; kids?: boolean } = {}): Promise<Viewer> {
  const { db } = m.client;
  const { accounts, subscriptions, profiles } = m.schema;
  const username = `rights_${randomUUID().slice(0, 8)}`;
  const [account] = await db().insert(accounts).values({ username, email: `${username}@example.com`, passwordHash: "x" }).returning();
  if (options.plan) await db().insert(subscriptions).values({ accountId: account.id, plan: options.plan, status: "active", provider: "local" });
  const [profile] = await db()
    .insert(profiles)
    .values({ accountId: account.id, name: options.kids ? "Kid" : "Main", kids: options.kids ?? false, maturityLevel: options.kids ? 1 : 4, maturityRating: options.kids ? "PG" : "NC-17" })
    .returning();
  return { principal: { accountId: account.id, sessionId: randomUUID(), username, role: "viewer" }, profile };
}

/** A rental or purchase written as a sale would (any access: a title may leave the plans after it was sold). */
async function hold(viewer: Viewer, titleId: string, holder: "owned" | "rented" | "rental expired") {
  const { db } = m.client;
  const { purchases } = m.schema;
  const hour = 3600_000;
  await db().insert(purchases).values({
    accountId: viewer.principal.accountId,
    titleId,
    kind: holder === "owned" ? "buy" : "rent",
    priceCents: 399,
    currency: "usd",
    provider: "local",
    rentalHours: holder === "owned" ? null : 48,
    startBy: holder === "owned" ? null : new Date(Date.now() + 30 * 24 * hour),
    ...(holder === "rental expired" && { rentalStartedAt: new Date(Date.now() - 50 * hour), expiresAt: new Date(Date.now() - 2 * hour) }),
  });
}

async function viewerFor(holder: Holder, titleId: string): Promise<Viewer> {
  if (holder === "basic" || holder === "premium") return viewerWith({ plan: holder });
  const viewer = await viewerWith();
  if (holder !== "no plan") await hold(viewer, titleId, holder);
  return viewer;
}

const start = (viewer: Viewer, movieId: string, device = "tv") => m.streams.startStream(viewer, { kind: "movie", movieId }, { userAgent: device });

const PLAYS = "plays";
const expected: Record<Access, Record<Holder, string>> = {
  subscription: { "no plan": "subscription_required", basic: PLAYS, premium: PLAYS, owned: PLAYS, rented: PLAYS, "rental expired": "subscription_required" },
  rent_or_buy: { "no plan": "purchase_required", basic: "purchase_required", premium: "purchase_required", owned: PLAYS, rented: PLAYS, "rental expired": "purchase_required" },
  premium_early_access: { "no plan": "purchase_required", basic: "purchase_required", premium: PLAYS, owned: PLAYS, rented: PLAYS, "rental expired": "purchase_required" },
  free: { "no plan": PLAYS, basic: PLAYS, premium: PLAYS, owned: PLAYS, rented: PLAYS, "rental expired": PLAYS },
};

describe("the right to play at stream start", () => {
  for (const access of Object.keys(expected) as Access[]) {
    it(`${access}: each kind of viewer gets the right answer`, async () => {
      const movieId = await movieWith(access);
      const outcomes: Record<string, string> = {};
      for (const holder of Object.keys(expected[access]) as Holder[]) {
        const viewer = await viewerFor(holder, movieId);
        outcomes[holder] = await start(viewer, movieId).then(
          () => PLAYS,
          (error: { code?: string }) => error.code ?? String(error),
        );
      }
      expect(outcomes).toEqual(expected[access]);
    });
  }

  it("purchase_required names the offers, and the Premium plan for early access; a title above the profile's rating reveals none", async () => {
    const early = await movieWith("premium_early_access");
    const error = await start(await viewerWith({ plan: "basic" }), early).catch((e) => e);
    expect(error).toMatchObject({ code: "purchase_required", status: 402 });
    expect(error.details).toEqual({
      access: "premium_early_access",
      plans: ["premium"],
      offers: [
        { kind: "rent", price_cents: 399, currency: "usd", rental_hours: 48, start_within_days: 30 },
        { kind: "buy", price_cents: 1499, currency: "usd" },
      ],
    });
    const sold = await movieWith("rent_or_buy");
    const kid = await viewerWith({ kids: true });
    await expect(start(kid, sold)).rejects.toMatchObject({ code: "maturity_restricted" });
  });

  it("a free title without a plan plays on one screen at the basic quality; a bought one in HD", async () => {
    const free = await start(await viewerWith(), await movieWith("free"));
    expect(free.max_quality).toBe("480p");
    expect(free.right).toEqual({ via: "free", ends_at: null });
    const movieId = await movieWith("rent_or_buy");
    const owner = await viewerFor("owned", movieId);
    const owned = await start(owner, movieId);
    expect(owned.max_quality).toBe("1080p");
    expect(owned.right).toEqual({ via: "purchase", ends_at: null });
  });
});

describe("rental windows", () => {
  it("the window opens at the first stream, and the signed URLs never outlive it by more than the playback window", async () => {
    const movieId = await movieWith("rent_or_buy");
    const viewer = await viewerFor("rented", movieId);
    const [before] = (await m.purchases.listPurchases(viewer.principal, { status: "all", limit: 20, offset: 0 })).items;
    expect(before).toMatchObject({ status: "active", rental_starts_at: null, expires_at: null, remaining_seconds: 48 * 3600 });
    const begun = Date.now();
    const stream = await start(viewer, movieId);
    expect(stream.right.via).toBe("rental");
    const ends = Date.parse(stream.right.ends_at!);
    expect(Math.abs(ends - (begun + 48 * 3600_000))).toBeLessThan(10_000);
    const limit = ends / 1000 + m.signing.PLAYBACK_WINDOW_SLACK_SECONDS + (stream.duration_seconds ?? 0);
    const expiries = [stream.manifest_url, stream.thumbnails_url!, ...stream.subtitles.map((s) => s.url)].map((url) => Number(new URL(url, "http://x").searchParams.get("expires")));
    for (const expires of expiries) expect(expires).toBeLessThanOrEqual(limit);
    const [after] = (await m.purchases.listPurchases(viewer.principal, { status: "active", limit: 20, offset: 0 })).items;
    expect(after.rental_starts_at).not.toBeNull();
    expect(after.remaining_seconds).toBeGreaterThan(48 * 3600 - 60);
  });

  it("two first streams at once open one window", async () => {
    const movieId = await movieWith("rent_or_buy");
    const viewer = await viewerWith({ plan: "premium" });
    await hold(viewer, movieId, "rented");
    const [a, b] = await Promise.all([start(viewer, movieId, "tv"), start(viewer, movieId, "phone")]);
    expect(a.right.ends_at).not.toBeNull();
    expect(a.right.ends_at).toBe(b.right.ends_at);
    const { db } = m.client;
    const { purchases } = m.schema;
    const rows = await db().select().from(purchases).where(m.drizzle.eq(purchases.accountId, viewer.principal.accountId));
    expect(rows).toHaveLength(1);
    expect(rows[0].expiresAt!.toISOString()).toBe(a.right.ends_at);
    // Many more racing writes change nothing either.
    const again = await Promise.all(Array.from({ length: 8 }, () => m.queries.startRentalWindow(rows[0].id, 6)));
    expect(new Set(again.map((row) => row.expiresAt!.toISOString()))).toEqual(new Set([a.right.ends_at]));
  });

  it("opening a window schedules one '6 hours left' notification, sent when due, once, and never for a refunded rental", async () => {
    const { deliverDueReminders } = await import("@/lib/notifications/reminders");
    const { db } = m.client;
    const { notifications, notificationEmails, purchases, rentalReminders } = m.schema;
    const { eq } = m.drizzle;
    const rentedAndStarted = async () => {
      const movieId = await movieWith("rent_or_buy");
      const viewer = await viewerFor("rented", movieId);
      const stream = await start(viewer, movieId);
      const [purchase] = await db().select().from(purchases).where(eq(purchases.accountId, viewer.principal.accountId));
      return { viewer, movieId, stream, purchase };
    };
    const kept = await rentedAndStarted();
    const refunded = await rentedAndStarted();
    const [reminder] = await db().select().from(rentalReminders).where(eq(rentalReminders.purchaseId, kept.purchase.id));
    expect(reminder.dueAt.getTime()).toBe(new Date(kept.stream.right.ends_at!).getTime() - 6 * 3600_000);
    await db().update(purchases).set({ status: "refunded", refundedAt: new Date() }).where(eq(purchases.id, refunded.purchase.id));

    const inbox = (accountId: string) => db().select().from(notifications).where(eq(notifications.accountId, accountId));
    // Not yet due: nothing.
    await deliverDueReminders(new Date(reminder.dueAt.getTime() - 60_000));
    expect(await inbox(kept.viewer.principal.accountId)).toEqual([]);
    // Due, with two instances' queues looking at once: one notification, in the site and by email.
    const due = new Date(reminder.dueAt.getTime() + 1000);
    await Promise.all([deliverDueReminders(due), deliverDueReminders(due)]);
    const [sent, ...more] = await inbox(kept.viewer.principal.accountId);
    expect(more).toEqual([]);
    expect(sent).toMatchObject({ type: "rental_expiring", url: `/title/movie/${kept.movieId}`, title: expect.stringMatching(/: 6 hours left$/) });
    expect(await db().select().from(notificationEmails).where(eq(notificationEmails.accountId, kept.viewer.principal.accountId))).toHaveLength(1);
    expect(await db().select().from(rentalReminders).where(eq(rentalReminders.purchaseId, kept.purchase.id))).toEqual([]);
    // The refunded rental's reminder went without a word.
    expect(await inbox(refunded.viewer.principal.accountId)).toEqual([]);
    expect(await db().select().from(rentalReminders).where(eq(rentalReminders.purchaseId, refunded.purchase.id))).toEqual([]);
    expect(await deliverDueReminders(due)).toBe(0);
  });

  it("a rental not started within its days has lapsed", async () => {
    const movieId = await movieWith("rent_or_buy");
    const viewer = await viewerFor("rented", movieId);
    const { db } = m.client;
    const { purchases } = m.schema;
    await db().update(purchases).set({ startBy: new Date(Date.now() - 1000) }).where(m.drizzle.eq(purchases.accountId, viewer.principal.accountId));
    await expect(start(viewer, movieId)).rejects.toMatchObject({ code: "purchase_required" });
    const [row] = (await m.purchases.listPurchases(viewer.principal, { status: "expired", limit: 20, offset: 0 })).items;
    expect(row).toMatchObject({ status: "expired", remaining_seconds: 0 });
  });
});

describe("selling with the local provider", () => {
  it("grants at once with a receipt; a second sale is 409; a rental may become a purchase; an expired one may be rented again", async () => {
    const { listInvoices } = await import("@/lib/billing/invoices");
    const movieId = await movieWith("rent_or_buy");
    const viewer = await viewerWith();
    const rented = await m.purchases.purchaseTitle(viewer.principal, viewer, { title_id: movieId, kind: "rent" });
    expect(rented).toMatchObject({ purchase: { kind: "rent", price_cents: 399, status: "active", rental_hours: 48, title_id: movieId } });
    await expect(m.purchases.purchaseTitle(viewer.principal, viewer, { title_id: movieId, kind: "rent" })).rejects.toMatchObject({ code: "already_purchased", status: 409 });
    const bought = await m.purchases.purchaseTitle(viewer.principal, viewer, { title_id: movieId, kind: "buy" });
    expect(bought).toMatchObject({ purchase: { kind: "buy", price_cents: 1499, status: "active" } });
    await expect(m.purchases.purchaseTitle(viewer.principal, viewer, { title_id: movieId, kind: "buy" })).rejects.toMatchObject({ code: "already_purchased" });
    await expect(m.purchases.purchaseTitle(viewer.principal, viewer, { title_id: movieId, kind: "rent" })).rejects.toMatchObject({ code: "already_purchased" });

    const all = await m.purchases.listPurchases(viewer.principal, { status: "all", limit: 20, offset: 0 });
    expect(all.items.map((p) => [p.kind, p.status])).toEqual([["buy", "active"], ["rent", "expired"]]);
    const receipts = await listInvoices(viewer.principal.accountId);
    expect(receipts.items.map((r) => [r.description, r.amount_paid, r.status])).toEqual(
      expect.arrayContaining([[expect.stringMatching(/^Purchase: /), 1499, "paid"], [expect.stringMatching(/^Rental: /), 399, "paid"]]),
    );
    expect(receipts.total).toBe(2);

    const again = await viewerWith();
    await hold(again, movieId, "rental expired");
    await expect(m.purchases.purchaseTitle(again.principal, again, { title_id: movieId, kind: "rent" })).resolves.toMatchObject({ purchase: { status: "active" } });
  });

  it("concurrent sales of one title grant it once", async () => {
    const movieId = await movieWith("rent_or_buy");
    const viewer = await viewerWith();
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => m.purchases.purchaseTitle(viewer.principal, viewer, { title_id: movieId, kind: "buy" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "already_purchased" });
  });

  it("refuses kids profiles, titles without that offer, and subscription titles", async () => {
    const movieId = await movieWith("rent_or_buy");
    const kid = await viewerWith({ kids: true });
    await expect(m.purchases.purchaseTitle(kid.principal, kid, { title_id: movieId, kind: "rent" })).rejects.toMatchObject({ code: "kids_profile" });
    const viewer = await viewerWith();
    await expect(m.purchases.purchaseTitle(viewer.principal, viewer, { title_id: await movieWith("subscription"), kind: "buy" })).rejects.toMatchObject({ code: "offer_not_found" });
    await expect(m.purchases.purchaseTitle(viewer.principal, viewer, { title_id: randomUUID(), kind: "buy" })).rejects.toMatchObject({ code: "title_not_found" });
  });
});

describe("sales analytics", () => {
  it("revenue per day and top-earning titles count rentals and purchases, refunds excluded", async () => {
    const { viewingReport } = await import("@/lib/admin/analytics");
    const admin = { ...(await viewerWith()).principal, role: "admin" as const };
    const before = (await viewingReport(admin, 7)).sales;
    const movieId = await movieWith("rent_or_buy");
    const renter = await viewerWith();
    await m.purchases.purchaseTitle(renter.principal, renter, { title_id: movieId, kind: "rent" });
    await m.purchases.purchaseTitle(renter.principal, renter, { title_id: movieId, kind: "buy" });
    const refunded = await viewerWith();
    const sold = await m.purchases.purchaseTitle(refunded.principal, refunded, { title_id: movieId, kind: "buy" });
    const { db } = m.client;
    const { purchases } = m.schema;
    await db().update(purchases).set({ status: "refunded" }).where(m.drizzle.eq(purchases.id, (sold as { purchase: { id: string } }).purchase.id));

    const after = (await viewingReport(admin, 7)).sales;
    expect(after.totals.revenue_cents - before.totals.revenue_cents).toBe(399 + 1499);
    expect(after.totals.rentals - before.totals.rentals).toBe(1);
    expect(after.totals.purchases - before.totals.purchases).toBe(1);
    expect(after.per_day).toHaveLength(7);
    const today = after.per_day.at(-1)!;
    expect(today.rental_cents - before.per_day.at(-1)!.rental_cents).toBe(399);
    expect(after.top_titles.find((t) => t.title_id === movieId)).toMatchObject({ revenue_cents: 1898, rentals: 1, purchases: 1 });
  });
});
