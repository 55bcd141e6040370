// The account's own data at the service level: the export holds all of it and nothing of another account, and
// deleting the account leaves no row of it behind, table by table.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/db/client";
import { profileIdsOf, rowsOfAccount, tablesOwnedByAccounts } from "@/db/queries/account-data";
import { findAccountById, insertAccount } from "@/db/queries/accounts";
import { playbackEvents } from "@/db/schema/analytics";
import { profiles, ratings, subscriptions, titles, viewingDays, viewingHours, viewingPositions, watchlist, watchProgress } from "@/db/schema";
import { useDatabase } from "@/test/database";
import { signIn } from "./accounts";
import { deleteAccount, exportAccount } from "./account-data";
import { hashPassword } from "./password";
import { authenticateToken } from "./sessions";
import { enableTwoFactor, setUpTwoFactor } from "./two-factor";
import { Secret, TOTP } from "otpauth";

useDatabase();

/** An account with something in every kind of table: profiles, progress, lists, ratings, sessions, 2FA, billing, analytics. */
async function populatedAccount() {
  const username = `ad_${randomUUID().slice(0, 8)}`;
  const account = await insertAccount({ username, email: `${username}@example.com`, passwordHash: await hashPassword("the password") });
  const signedIn = await signIn({ username, password: "the password" }, { ip: "10.4.4.4", userAgent: "data-test" });
  const principal = (await authenticateToken(signedIn.token))!;
  const { secret } = await setUpTwoFactor(principal);
  await enableTwoFactor(principal, new TOTP({ secret: Secret.fromBase32(secret) }).generate(), { ip: "10.4.4.4" });
  // A draft: on PostgreSQL this file shares the run's database with the API tests, which count the published catalog.
  const [title] = await db()
    .insert(titles)
    .values({ kind: "movie", title: `Film ${username}`, year: 2020, maturityRating: "PG", maturityLevel: 1, published: false })
    .returning();
  const [profile] = await db().insert(profiles).values({ accountId: account.id, name: "Main", pinHash: "argon2-pin-hash" }).returning();
  await db().insert(watchProgress).values({ profileId: profile.id, itemId: title.id, kind: "movie", titleId: title.id, positionSeconds: 42, clientUpdatedAt: new Date() });
  await db().insert(watchlist).values({ profileId: profile.id, titleId: title.id });
  await db().insert(ratings).values({ profileId: profile.id, titleId: title.id, rating: "up" });
  await db().insert(subscriptions).values({ accountId: account.id, plan: "basic", status: "active", provider: "local" });
  await db().insert(viewingDays).values({ day: "2026-01-01", profileId: profile.id, itemId: title.id, kind: "movie", titleId: title.id, accountId: account.id });
  await db().insert(viewingHours).values({ hour: new Date("2026-01-01T10:00:00Z"), profileId: profile.id, titleId: title.id, accountId: account.id, secondsWatched: 60 });
  await db().insert(playbackEvents).values({ occurredAt: new Date(), accountId: account.id, profileId: profile.id, titleId: title.id, itemId: title.id, type: "heartbeat" });
  await db().insert(viewingPositions).values({ profileId: profile.id, itemId: title.id, positionSeconds: 42, watched: false, seenUpdatedAt: new Date() });
  // The sign-in above left its throttle counters (login:user:<name>…), keyed by the username.
  return { account, profile, title };
}

describe("the account's own data", () => {
  it("is exported whole, without secrets, and without anything of another account", async () => {
    const mine = await populatedAccount();
    const theirs = await populatedAccount();
    const exported = await exportAccount(mine.account.id);
    expect(exported.account).toMatchObject({ id: mine.account.id, username: mine.account.username });
    for (const table of ["profiles", "watch_progress", "watchlist", "ratings", "subscriptions", "sessions", "refresh_tokens", "security_events", "recovery_codes", "known_devices", "viewing_days", "viewing_positions"]) {
      expect(exported.tables[table], table).toBeDefined();
    }
    expect(exported.tables.watch_progress[0]).toMatchObject({ position_seconds: 42 });
    const text = JSON.stringify(exported);
    for (const other of [theirs.account.id, theirs.account.username, theirs.profile.id]) expect(text).not.toContain(other);
    expect(text).not.toContain("argon2");
    expect(text).not.toMatch(/"(password_hash|token_hash|code_hash|pin_hash|totp_secret)":"(?!\[redacted\])/);
    expect(exported.account).not.toHaveProperty("passwordHash");
    expect(exported.account).not.toHaveProperty("totpSecret");
  });

  it("is deleted with the account: no row of it is left in any table, and other accounts keep theirs", async () => {
    const doomed = await populatedAccount();
    const kept = await populatedAccount();
    const keptProfiles = await profileIdsOf(kept.account.id);
    await deleteAccount(doomed.account.id);

    expect(await findAccountById(doomed.account.id)).toBeUndefined();
    const tables = await tablesOwnedByAccounts();
    expect(tables.length).toBeGreaterThan(10);
    for (const { table, column } of tables) {
      expect(await rowsOfAccount(table, column, doomed.account.id, [doomed.profile.id]), table).toEqual([]);
    }
    const counters = await queryRows<{ key: string }>(sql`select key from rate_limits where key like ${`%${doomed.account.username.toLowerCase()}%`}`);
    expect(counters).toEqual([]);
    // The other account still has all of its rows.
    for (const table of ["profiles", "watch_progress", "sessions", "viewing_days", "viewing_hours", "playback_events"]) {
      const column = tables.find((entry) => entry.table === table)!.column;
      expect((await rowsOfAccount(table, column, kept.account.id, keptProfiles)).length, table).toBeGreaterThan(0);
    }
    await expect(deleteAccount(doomed.account.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
