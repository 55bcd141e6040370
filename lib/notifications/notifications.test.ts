// Notifications against a real database (this file's own): each trigger fires once, settings and quiet hours are
// honoured, mail goes out once, and readers see only their scope.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readSse } from "@/lib/realtime/test-sse";
import { useFreshDatabase } from "@/test/fresh-database";

useFreshDatabase();

let admin: import("@/lib/accounts/sessions").Principal;
let catalog: typeof import("@/lib/admin/catalog");
let inbox: typeof import("./inbox");
let settings: typeof import("./settings");
let mail: typeof import("./mail-queue");
let triggers: typeof import("./triggers");
let client: typeof import("@/db/client");
let schema: typeof import("@/db/schema");
let mailer: typeof import("@/lib/mail/mailer");

beforeAll(async () => {
  [catalog, inbox, settings, mail, triggers, client, schema, mailer] = await Promise.all([
    import("@/lib/admin/catalog"),
    import("./inbox"),
    import("./settings"),
    import("./mail-queue"),
    import("./triggers"),
    import("@/db/client"),
    import("@/db/schema"),
    import("@/lib/mail/mailer"),
  ]);
  admin = { accountId: randomUUID(), sessionId: randomUUID(), username: "admin", role: "admin" };
});

async function member() {
  const { insertAccount } = await import("@/db/queries/accounts");
  const { insertProfileWithinLimit } = await import("@/db/queries/profiles");
  const username = `m_${randomUUID().slice(0, 8)}`;
  const account = await insertAccount({ username, email: `${username}@example.com`, passwordHash: "x" });
  const principal = { accountId: account.id, sessionId: randomUUID(), username, role: "viewer" as const };
  const profile = async (name: string, kids = false) =>
    (await insertProfileWithinLimit({ accountId: account.id, name, kids, ...(kids ? { maturityRating: "PG", maturityLevel: 1 } : {}) }, 5))!;
  return { account, principal, profile, email: account.email };
}

const scopeOf = (principal: { accountId: string }, profile?: { id: string; kids: boolean }) => ({ accountId: principal.accountId, profile });

async function show(rating = "TV-14") {
  const created = await catalog.createTitle(admin, { kind: "show", title: `Show ${randomUUID().slice(0, 6)}`, year: 2025, maturity_rating: rating as never });
  await catalog.setPublished(admin, created.id, true);
  const season = await catalog.createSeason(admin, created.id, { number: 1 });
  return { id: created.id, title: created.title, seasonId: season.id };
}

const onList = (profileId: string, titleId: string) => client.db().insert(schema.watchlist).values({ profileId, titleId });

/** The mail written to DATA_DIR/mail for `to`. */
const mailsTo = (to: string) =>
  fs.existsSync(mailer.outboxDir) ? fs.readdirSync(mailer.outboxDir).map((f) => fs.readFileSync(`${mailer.outboxDir}/${f}`, "utf8")).filter((raw) => raw.includes(`To: ${to}`)) : [];

describe("a new episode", () => {
  it("notifies each profile following the show (My List or continue watching) once, and no one else", async () => {
    const m = await member();
    const [lister, watcher, idle, kid] = [await m.profile("Lister"), await m.profile("Watcher"), await m.profile("Idle"), await m.profile("Kid", true)];
    const s = await show();
    await onList(lister.id, s.id);
    await onList(kid.id, s.id); // rated above the kids profile: it never learns of it
    const first = await catalog.createEpisode(admin, s.seasonId, { number: 1, title: "Pilot" });
    await client.db().insert(schema.watchProgress).values({
      profileId: watcher.id, itemId: first.id, kind: "episode", titleId: s.id, episodeId: first.id, positionSeconds: 30, clientUpdatedAt: new Date(),
    });
    const second = await catalog.createEpisode(admin, s.seasonId, { number: 2, title: "Second" });

    const items = (await inbox.listInbox(scopeOf(m.principal), { limit: 50, offset: 0 })).items;
    const about = (episodeId: string) => items.filter((n) => n.data.episode_id === episodeId).map((n) => n.profile).sort();
    expect(about(first.id)).toEqual(["Lister"]);
    expect(about(second.id)).toEqual(["Lister", "Watcher"]);
    expect(items.every((n) => n.type === "new_episode" && n.url === `/title/show/${s.id}`)).toBe(true);
    expect(items.find((n) => n.data.episode_id === second.id)).toMatchObject({ title: `New episode of ${s.title}`, body: "S1:E2 “Second” is now on NormFlix.", read: false });
    for (const p of [idle, kid]) expect((await inbox.listInbox(scopeOf(m.principal, p), { limit: 50, offset: 0 })).total).toBe(0);

    // A retried transaction (the same event again) writes nothing more; a rolled-back one writes nothing at all.
    const [showRow] = await client.db().select().from(schema.titles).where((await import("drizzle-orm")).eq(schema.titles.id, s.id));
    const [episodeRow] = await client.db().select().from(schema.episodes).where((await import("drizzle-orm")).eq(schema.episodes.id, second.id));
    expect(await client.db().transaction((tx) => triggers.notifyNewEpisode(tx, showRow, episodeRow))).toEqual([]);
    const third = { ...episodeRow, id: randomUUID(), number: 3 };
    await client
      .db()
      .transaction(async (tx) => {
        expect(await triggers.notifyNewEpisode(tx, showRow, third)).toHaveLength(2);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect((await inbox.listInbox(scopeOf(m.principal), { limit: 50, offset: 0 })).total).toBe(3);
  });

  it("of a draft show notifies nobody", async () => {
    const m = await member();
    const p = await m.profile("Early");
    const draft = await catalog.createTitle(admin, { kind: "show", title: "Draft", year: 2025, maturity_rating: "TV-PG" });
    await onList(p.id, draft.id);
    const season = await catalog.createSeason(admin, draft.id, { number: 1 });
    await catalog.createEpisode(admin, season.id, { number: 1, title: "Hidden" });
    expect((await inbox.listInbox(scopeOf(m.principal), { limit: 10, offset: 0 })).total).toBe(0);
  });
});

describe("a title becoming available", () => {
  it("notifies profiles with it on My List once, however often it is published", async () => {
    const m = await member();
    const p = await m.profile("Saver");
    const movie = await catalog.createTitle(admin, { kind: "movie", title: "Soon", year: 2025, maturity_rating: "PG" });
    await onList(p.id, movie.id);
    await catalog.setPublished(admin, movie.id, true);
    await catalog.setPublished(admin, movie.id, true); // already published: no event
    await catalog.setPublished(admin, movie.id, false);
    await catalog.setPublished(admin, movie.id, true);
    const { items } = await inbox.listInbox(scopeOf(m.principal, p), { type: "title_available", limit: 10, offset: 0 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: "Soon is available", url: `/title/movie/${movie.id}`, profile: "Saver" });
  });
});

describe("a sign-in from a new device", () => {
  it("notifies the account once per new device, not for its first sign-in or a known device", async () => {
    const m = await member();
    const { createApiSession } = await import("@/lib/accounts/sessions");
    await createApiSession(m.account.id, { userAgent: "Firefox on Linux", ip: "10.0.0.1" });
    await createApiSession(m.account.id, { userAgent: "Firefox on Linux", ip: "10.0.0.2" });
    const { session } = await createApiSession(m.account.id, { userAgent: "Safari on iPhone", ip: "10.0.0.3" });
    const { items } = await inbox.listInbox(scopeOf(m.principal), { limit: 10, offset: 0 });
    expect(items.map((n) => [n.type, n.data.session_id])).toEqual([["new_device", session.id]]);
    expect(items[0].body).toContain("Safari on iPhone");
    // Its mail is the login alert (lib/accounts/security-events.ts): the queue sends no second copy by default.
    await mail.deliverDueEmails();
    expect(mailsTo(m.email)).toHaveLength(0);
    // Asked for, the copy goes out once.
    await settings.updateSettings(m.principal, { types: { new_device: { email: true } } });
    await createApiSession(m.account.id, { userAgent: "Chrome on Android", ip: "10.0.0.4" });
    await mail.deliverDueEmails();
    await mail.deliverDueEmails();
    expect(mailsTo(m.email)).toHaveLength(1);
  });
});

describe("mail language", () => {
  it("writes a profile's notification mail in its language, an account-wide one in the language its profiles agree on", async () => {
    const { eq } = await import("drizzle-orm");
    const { createApiSession } = await import("@/lib/accounts/sessions");
    const m = await member();
    const ana = await m.profile("Ana");
    const speaks = (profileId: string, language: string) => client.db().update(schema.profiles).set({ language }).where(eq(schema.profiles.id, profileId));
    await speaks(ana.id, "es-MX");
    await settings.updateSettings(m.principal, { types: { new_episode: { email: true }, new_device: { email: true } } });
    const mails = async () => client.db().select().from(schema.notificationEmails).where(eq(schema.notificationEmails.accountId, m.account.id));

    const s = await show();
    await onList(ana.id, s.id);
    await catalog.createEpisode(admin, s.seasonId, { number: 2, title: "Piloto" });
    const [episode] = await mails();
    expect(episode.subject).toBe(`Nuevo episodio de ${s.title}`);
    expect(episode.text).toContain("T1:E2 «Piloto» ya está en NormFlix.");
    expect(episode.text).toContain("Elige qué notificaciones recibes por correo: ");
    expect(episode.html).toContain(">Abrir NormFlix</a>");
    expect(episode.html).toContain(">tu cuenta</a>.");
    // The bell's stored text (what the API returns) stays English.
    expect((await inbox.listInbox(scopeOf(m.principal, ana), { limit: 10, offset: 0 })).items[0].title).toBe(`New episode of ${s.title}`);

    // Account-wide: Spanish while every profile that chose a language chose Spanish, English once one chose English.
    const android = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
    await createApiSession(m.account.id, { userAgent: "first", ip: "10.0.0.1" });
    const { session: phone } = await createApiSession(m.account.id, { userAgent: android, ip: "10.0.0.2" });
    const spanish = (await mails()).find((row) => row.dedupeKey.startsWith("new_device"))!;
    expect(spanish.subject).toBe("Nuevo inicio de sesión en tu cuenta");
    expect(spanish.text).toContain("Alguien inició sesión desde Chrome en Android (IP 10.0.0.2).");
    // The login alert (lib/accounts/security-events.ts) follows the same rule.
    const { noteSignIn } = await import("@/lib/accounts/security-events");
    await noteSignIn(m.account.id, { session: phone, newDevice: true });
    expect(mailsTo(m.email).filter((raw) => raw.includes("Dispositivo: Chrome en Android") && raw.includes("Direcci"))).toHaveLength(1);
    await speaks((await m.profile("Bob")).id, "en");
    await createApiSession(m.account.id, { userAgent: "curl/8.5.0", ip: "10.0.0.3" });
    const subjects = (await mails()).filter((row) => row.dedupeKey.startsWith("new_device")).map((row) => row.subject);
    expect(subjects.sort()).toEqual(["New sign-in to your account", "Nuevo inicio de sesión en tu cuenta"]);
  });
});

describe("settings", () => {
  it("default per type, change only what is named, and are honoured per channel", async () => {
    const m = await member();
    const view = await settings.getSettings(m.principal);
    expect(view.types.payment_failed).toEqual({ in_site: true, email: true });
    expect(view.types.new_episode).toEqual({ in_site: true, email: false });
    expect(view.quiet_hours).toBeNull();
    const changed = await settings.updateSettings(m.principal, { types: { new_episode: { email: true }, title_available: { in_site: false } } });
    expect(changed.types.new_episode).toEqual({ in_site: true, email: true });
    expect(changed.types.title_available).toEqual({ in_site: false, email: false });
    expect(changed.types.payment_failed).toEqual({ in_site: true, email: true });

    const p = await m.profile("Fan");
    const s = await show();
    await onList(p.id, s.id);
    const movie = await catalog.createTitle(admin, { kind: "movie", title: "Off", year: 2025, maturity_rating: "PG" });
    await onList(p.id, movie.id);
    await catalog.setPublished(admin, movie.id, true); // title_available: off in the site, off by mail
    await catalog.createEpisode(admin, s.seasonId, { number: 1, title: "Mailed" }); // new_episode: site and mail
    expect((await inbox.listInbox(scopeOf(m.principal), { limit: 10, offset: 0 })).items.map((n) => n.type)).toEqual(["new_episode"]);
    await mail.deliverDueEmails();
    const sent = mailsTo(m.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(`Subject: New episode of ${s.title}`);
  });

  it("quiet hours hold mail until they end, in the account's time zone", async () => {
    const m = await member();
    const zone = "Asia/Kolkata"; // UTC+5:30, no DST
    const now = new Date();
    const local = (now.getUTCHours() * 60 + now.getUTCMinutes() + 330) % 1440;
    const clock = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    // Quiet from an hour ago until two hours from now, local time.
    const quiet = await settings.updateSettings(m.principal, { types: { new_device: { email: true } }, quiet_hours: { start: clock((local + 1380) % 1440), end: clock((local + 120) % 1440), time_zone: zone } });
    expect(quiet.quiet_hours).toMatchObject({ time_zone: zone });
    const { createApiSession } = await import("@/lib/accounts/sessions");
    await createApiSession(m.account.id, { userAgent: "A" });
    await createApiSession(m.account.id, { userAgent: "B" });
    // In the site at once; by mail not now, nor in an hour, but once quiet hours are over.
    expect((await inbox.listInbox(scopeOf(m.principal), { limit: 10, offset: 0 })).unread_count).toBe(1);
    await mail.deliverDueEmails(now);
    await mail.deliverDueEmails(new Date(now.getTime() + 3_600_000));
    expect(mailsTo(m.email)).toHaveLength(0);
    await mail.deliverDueEmails(new Date(now.getTime() + 2 * 3_600_000));
    expect(mailsTo(m.email)).toHaveLength(1);
    await mail.deliverDueEmails(new Date(now.getTime() + 3 * 3_600_000));
    expect(mailsTo(m.email)).toHaveLength(1);
  });

  it("quiet hours: mail waits until their end, across midnight too", () => {
    const at = (iso: string) => new Date(iso);
    const row = (start: number, end: number, timeZone = "UTC") => ({ accountId: "", channels: {}, quietStart: start, quietEnd: end, timeZone, updatedAt: new Date() });
    expect(settings.mailableAt(row(22 * 60, 7 * 60), at("2026-01-10T23:30:10Z"))).toEqual(at("2026-01-11T07:00:00Z"));
    expect(settings.mailableAt(row(22 * 60, 7 * 60), at("2026-01-10T06:59:00Z"))).toEqual(at("2026-01-10T07:00:00Z"));
    expect(settings.mailableAt(row(22 * 60, 7 * 60), at("2026-01-10T12:00:00Z"))).toEqual(at("2026-01-10T12:00:00Z"));
    expect(settings.mailableAt(row(13 * 60, 14 * 60), at("2026-01-10T13:15:00Z"))).toEqual(at("2026-01-10T14:00:00Z"));
    // 22:00–07:00 in New York (UTC-5 in January) is 03:00–12:00 UTC.
    expect(settings.mailableAt(row(22 * 60, 7 * 60, "America/New_York"), at("2026-01-10T04:00:00Z"))).toEqual(at("2026-01-10T12:00:00Z"));
  });
});

describe("reading", () => {
  it("filters by unread and type, counts unread, marks one or all read, within the reader's scope", async () => {
    const m = await member();
    const [adult, kid] = [await m.profile("Adult"), await m.profile("Kid", true)];
    const s = await show("TV-Y");
    await onList(adult.id, s.id);
    await onList(kid.id, s.id);
    await catalog.createEpisode(admin, s.seasonId, { number: 1, title: "One" });
    const { createApiSession } = await import("@/lib/accounts/sessions");
    await createApiSession(m.account.id, { userAgent: "one" });
    await createApiSession(m.account.id, { userAgent: "two" });
    const all = scopeOf(m.principal);
    const asKid = scopeOf(m.principal, kid);
    const asAdult = scopeOf(m.principal, adult);
    expect((await inbox.listInbox(all, { limit: 10, offset: 0 })).unread_count).toBe(3);
    expect((await inbox.listInbox(asAdult, { limit: 10, offset: 0 })).items.map((n) => n.type).sort()).toEqual(["new_device", "new_episode"]);
    // A kids profile sees its own only: not the account's sign-ins.
    const kids = await inbox.listInbox(asKid, { limit: 10, offset: 0 });
    expect(kids.items.map((n) => [n.type, n.profile])).toEqual([["new_episode", "Kid"]]);
    await expect(inbox.readNotification(asKid, (await inbox.listInbox(asAdult, { type: "new_device", limit: 1, offset: 0 })).items[0].id)).rejects.toMatchObject({ code: "not_found" });

    const read = await inbox.readNotification(asKid, kids.items[0].id);
    expect(read).toMatchObject({ read: true, unread_count: 0, profile: "Kid" });
    expect((await inbox.listInbox(all, { unread: true, limit: 10, offset: 0 })).total).toBe(2);
    expect((await inbox.listInbox(all, { unread: false, limit: 10, offset: 0 })).items.map((n) => n.id)).toEqual([kids.items[0].id]);
    expect(await inbox.readAll(asAdult)).toEqual({ marked: 2, unread_count: 0 });
    expect((await inbox.listInbox(all, { limit: 10, offset: 0 })).unread_count).toBe(0);
    await expect(inbox.readNotification(all, randomUUID())).rejects.toMatchObject({ code: "not_found" });
  });

  it("streams a notification the moment its transaction commits, to its profile's stream and the account's", async () => {
    const m = await member();
    const [p, other] = [await m.profile("Live"), await m.profile("Other")];
    const s = await show();
    await onList(p.id, s.id);
    const abort = new AbortController();
    const [own, account, others] = await Promise.all(
      [scopeOf(m.principal, p), scopeOf(m.principal), scopeOf(m.principal, other)].map(async (scope) => readSse(await inbox.streamNotifications(scope, abort.signal, undefined))),
    );
    await catalog.createEpisode(admin, s.seasonId, { number: 1, title: "Now" });
    for (const sse of [own, account]) {
      const [event] = await sse.events(1);
      expect(event).toMatchObject({ event: "notification", data: { type: "new_episode", profile: "Live", read: false } });
    }
    // The other profile's stream gets the next event meant for it (a sign-in is account-wide), not the episode.
    const { createApiSession } = await import("@/lib/accounts/sessions");
    await createApiSession(m.account.id, { userAgent: "x" });
    await createApiSession(m.account.id, { userAgent: "y" });
    expect((await others.events(1))[0].data.type).toBe("new_device");
    abort.abort();
  });
});
