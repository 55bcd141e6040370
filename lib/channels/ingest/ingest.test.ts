// A live channel from an RTMP push, end to end on this file's own database: a worker's ingest listens on the channel's
// port, a generated test pattern is pushed with ffmpeg (the way OBS would), and the channel goes on air, plays through
// signed live playlists, goes off air when the push stops and comes back on air by itself when it resumes. A push
// with a wrong stream key is refused, and an address that keeps sending wrong keys is throttled at the channel's gate.
// The channel's own rating keeps it from a kids profile until an admin rates it for kids.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/accounts/sessions";
import type { Viewer } from "@/lib/access/rules";
import { freePort } from "@/test/server-process";
import { useFreshDatabase } from "@/test/fresh-database";

process.env.LIVE_ENCODER_PRESET = "ultrafast";
process.env.LIVE_DVR_SECONDS = "60";

useFreshDatabase();

let modules: {
  client: typeof import("@/db/client");
  schema: typeof import("@/db/schema");
  admin: typeof import("@/lib/channels/admin");
  live: typeof import("@/lib/channels/live-stream");
  media: typeof import("@/lib/playback/media");
  status: typeof import("./status");
  ffmpeg: typeof import("@/lib/media/ffmpeg");
  channels: typeof import("@/lib/channels/channels");
};
let supervisor: { stop(): Promise<void> };
const logLines: string[] = [];
const adminPrincipal: Principal = { accountId: randomUUID(), sessionId: randomUUID(), username: "ingest_admin", role: "admin" };
let channel: Awaited<ReturnType<typeof import("@/lib/channels/admin").createChannel>>;
let viewer: Viewer;
const pushes: ChildProcess[] = [];
/** Keys whose pushes stop retrying. */
const given = new Set<string>();

beforeAll(async () => {
  modules = {
    client: await import("@/db/client"),
    schema: await import("@/db/schema"),
    admin: await import("@/lib/channels/admin"),
    live: await import("@/lib/channels/live-stream"),
    media: await import("@/lib/playback/media"),
    status: await import("./status"),
    ffmpeg: await import("@/lib/media/ffmpeg"),
    channels: await import("@/lib/channels/channels"),
  };
  const { startIngestSupervisor } = await import("./supervisor");
  supervisor = startIngestSupervisor({ workerId: `test-${randomUUID().slice(0, 6)}`, pollIntervalMs: 250, log: (line) => logLines.push(line) });
  channel = await modules.admin.createChannel(adminPrincipal, { number: 501, name: "Ingest TV", kind: "live", rtmp_port: await freePort() });

  const { db } = modules.client;
  const { accounts, subscriptions, profiles } = modules.schema;
  const username = `live_${randomUUID().slice(0, 8)}`;
  const [account] = await db().insert(accounts).values({ username, email: `${username}@example.com`, passwordHash: "x" }).returning();
  await db().insert(subscriptions).values({ accountId: account.id, plan: "standard", status: "active", provider: "local" });
  const [profile] = await db().insert(profiles).values({ accountId: account.id, name: "Main" }).returning();
  viewer = { principal: { accountId: account.id, sessionId: randomUUID(), username, role: "viewer" }, profile };
});

afterAll(async () => {
  for (const push of pushes) push.kill("SIGKILL");
  await supervisor?.stop();
  if (channel) fs.rmSync(modules.status.liveDir(channel.id), { recursive: true, force: true });
});

/**
 * Pushes a test pattern with a tone as an encoder would, until killed (retrying a refused connection, as OBS does).
 * The intruder pushes from the IPv6 loopback ("[::1]"), so its address is not the one the channel's own encoder uses.
 */
function push(key: string, retries = 10, host = "127.0.0.1"): ChildProcess {
  const started = Date.now();
  const child = spawn(modules.ffmpeg.ffmpegPath(), [
    "-hide_banner", "-nostdin", "-v", "error", "-re",
    "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-f", "lavfi", "-i", "sine",
    "-c:v", "libx264", "-preset", "ultrafast", "-g", "60", "-c:a", "aac",
    "-f", "flv", `rtmp://${host}:${channel.ingest!.rtmp_port}/live/${key}`,
  ], { stdio: "ignore" });
  pushes.push(child);
  const retry = () => !given.has(key) && push(key, retries - 1, host);
  child.once("exit", (code, signal) => retries > 0 && !signal && code !== 0 && Date.now() - started < 2_000 && setTimeout(retry, 500));
  return child;
}

const stopped = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));

async function status() {
  return (await modules.admin.getAdminChannel(adminPrincipal, channel.id)).ingest!.status;
}

/** Polls the admin view until `done` holds; answers how long it took. */
async function waitFor(done: (s: Awaited<ReturnType<typeof status>>) => boolean, timeoutMs: number, what: string) {
  const started = Date.now();
  for (;;) {
    const now = await status();
    if (done(now)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`not ${what} after ${timeoutMs} ms: ${JSON.stringify(now)}\n${logLines.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function fetchMedia(url: string) {
  const response = await modules.media.serveMedia(new Request(`http://normflix.test${url}`), new URL(url, "http://x").pathname.split("/").slice(2));
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

const uris = (playlist: string) => playlist.split("\n").filter((line) => line && !line.startsWith("#"));

describe("a live channel from an RTMP push", () => {
  it("shows the admin where to push, and refuses a push with a wrong stream key", async () => {
    const ingest = channel.ingest!;
    expect(ingest.stream_key).toMatch(/^live_[\w-]{32}$/);
    expect(ingest.rtmp_url).toBe(`${ingest.rtmp_server}/${ingest.stream_key}`);
    expect(ingest.rtmp_server).toMatch(new RegExp(`^rtmp://[^/]+:${ingest.rtmp_port}/live$`));
    await waitFor((s) => s.running, 5_000, "running");

    // The intruder retries, as encoders do, until the ingest listens and refuses it.
    const intruder = push("live_not-the-key", 10, "[::1]");
    expect(await Promise.race([stopped(intruder), new Promise((r) => setTimeout(() => r("still pushing"), 15_000))])).not.toBe(0);
    await waitFor((s) => s.last_error?.includes("wrong stream key") ?? false, 15_000, "refusing the key");
    // The admin sees who was refused, and when.
    await waitFor((s) => s.refused_pushes >= 1 && s.last_refused_address === "::1", 5_000, "counting the refusal");
    expect(Date.now() - Date.parse((await status()).last_refused_at!)).toBeLessThan(20_000);
    given.add("live_not-the-key");
    for (const child of pushes.splice(0)) child.kill("SIGKILL");
    expect((await status()).state).toBe("off_air");
    expect(fs.existsSync(path.join(modules.status.liveDir(channel.id), "360p", "index.m3u8"))).toBe(false);
    await expect(modules.live.startChannelStream(viewer, channel.id, {})).rejects.toMatchObject({ code: "channel_off_air" });
  });

  it("throttles an address that keeps sending wrong keys, before ffmpeg sees them, and no other address", async () => {
    const { PUSH_ATTEMPTS } = await import("./push-guard");
    const wrongKeyLines = () => logLines.filter((line) => line.includes("refused a publisher with a wrong stream key")).length;
    const before = (await status()).refused_pushes;
    // Each attempt is one connection that never gets on air; past the budget the gate closes the door itself.
    const attempts = PUSH_ATTEMPTS.max + 3;
    for (let i = 0; i < attempts; i++) await stopped(push(`live_guess-${i}`, 0, "[::1]"));
    await waitFor((s) => s.refused_pushes >= before + attempts, 10_000, "counting every refused push");
    const now = await status();
    expect(now).toMatchObject({ state: "off_air", last_refused_address: "::1" });
    expect(now.last_error).toContain("too many wrong stream keys");
    // ffmpeg judged at most the budget's worth of keys from that address (fewer: the first test spent some).
    expect(wrongKeyLines()).toBeLessThanOrEqual(PUSH_ATTEMPTS.max);
    expect(logLines.some((line) => line.includes("refusing publishers from ::1"))).toBe(true);

    // Throttled, the address is refused even with the right key...
    const lines = wrongKeyLines();
    const throttled = push(channel.ingest!.stream_key!, 0, "[::1]");
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await status()).state).toBe("off_air");
    throttled.kill("SIGKILL");
    expect(wrongKeyLines()).toBe(lines);
  });

  it("goes on air within 10 s of a push and plays through signed live playlists", async () => {
    push(channel.ingest!.stream_key!);
    expect(await waitFor((s) => s.state === "on_air", 10_000, "on air")).toBeLessThan(10_000);
    await waitFor((s) => (s.bitrate_kbps ?? 0) > 50 && (s.fps ?? 0) > 20, 10_000, "measured");
    const now = await status();
    expect(now).toMatchObject({ width: 640, height: 360, video_codec: "h264", audio_codec: "aac", renditions: ["360p"], last_error: null });

    const stream = await modules.live.startChannelStream(viewer, channel.id, {});
    expect(stream).toMatchObject({ live: true, max_quality: "360p", channel: { kind: "live", on_air: true } });
    const master = await fetchMedia(stream.manifest_url);
    expect(master.status).toBe(200);
    expect(master.text).toContain("RESOLUTION=640x360");
    const variant = await fetchMedia(uris(master.text)[0]);
    expect(variant.text).toContain("#EXT-X-PROGRAM-DATE-TIME:");
    expect(variant.text).toContain("#EXT-X-TARGETDURATION:2");
    expect(variant.text).not.toContain("#EXT-X-ENDLIST");
    const segments = uris(variant.text);
    expect(segments[0]).toMatch(new RegExp(`^/media/live/${channel.id}/360p/seg-[a-z0-9]+-\\d{6}\\.ts\\?md5=[\\w-]+&expires=\\d+$`));
    const segment = await fetchMedia(segments[segments.length - 1]);
    expect({ status: segment.status, type: segment.type }).toEqual({ status: 200, type: "video/mp2t" });
    // Unsigned, the same segment is refused.
    expect((await fetchMedia(segments[0].split("?")[0])).status).toBe(403);
  });

  it("is kept from a kids profile while unrated or rated above it, and plays for it once rated for kids", async () => {
    const { db } = modules.client;
    const { accounts, subscriptions, profiles } = modules.schema;
    const username = `kid_${randomUUID().slice(0, 8)}`;
    const [account] = await db().insert(accounts).values({ username, email: `${username}@example.com`, passwordHash: "x" }).returning();
    await db().insert(subscriptions).values({ accountId: account.id, plan: "premium", status: "active", provider: "local" });
    const [profile] = await db().insert(profiles).values({ accountId: account.id, name: "Kid", kids: true, maturityRating: "TV-Y7", maturityLevel: 1 }).returning();
    const kid: Viewer = { principal: { accountId: account.id, sessionId: randomUUID(), username, role: "viewer" }, profile };
    const seen = async (audience: { maturityLevel: number }) => (await modules.channels.getChannels(audience)).items.map((c) => c.id);

    // Unrated (the grown-up's stream above played it): a live channel counts as NC-17.
    expect((await status()).state).toBe("on_air");
    await expect(modules.live.startChannelStream(kid, channel.id, {})).rejects.toMatchObject({ code: "maturity_restricted", status: 403 });
    expect(await seen(profile)).not.toContain(channel.id);
    expect(await seen(viewer.profile)).toContain(channel.id);

    await modules.admin.editChannel(adminPrincipal, channel.id, { maturity_rating: "TV-Y7" });
    expect(await seen(profile)).toContain(channel.id);
    expect(await modules.live.startChannelStream(kid, channel.id, {})).toMatchObject({ live: true, channel: { maturity_rating: "TV-Y7" } });

    await modules.admin.editChannel(adminPrincipal, channel.id, { maturity_rating: "TV-14" });
    await expect(modules.live.startChannelStream(kid, channel.id, {})).rejects.toMatchObject({ code: "maturity_restricted" });
    expect(await seen(viewer.profile)).toContain(channel.id);
    await modules.admin.editChannel(adminPrincipal, channel.id, { maturity_rating: null });
  });

  it("goes off air when the push stops, and back on air by itself when it resumes", async () => {
    for (const child of pushes) child.kill("SIGINT");
    await Promise.all(pushes.map(stopped));
    await waitFor((s) => s.state === "off_air", 10_000, "off air");
    await expect(modules.live.startChannelStream(viewer, channel.id, {})).rejects.toMatchObject({ code: "channel_off_air" });

    push(channel.ingest!.stream_key!);
    expect(await waitFor((s) => s.state === "on_air", 10_000, "on air again")).toBeLessThan(10_000);
    const stream = await modules.live.startChannelStream(viewer, channel.id, {});
    const variant = await fetchMedia(uris((await fetchMedia(stream.manifest_url)).text)[0]);
    // The window keeps the first feed's segments, a discontinuity, then the new feed's.
    const names = uris(variant.text).map((uri) => uri.split("/").pop()!.split("?")[0]);
    expect(new Set(names.map((name) => name.split("-")[1])).size).toBe(2);
    expect(variant.text).toMatch(/#EXT-X-DISCONTINUITY\n(#EXTINF[^\n]*\n)?(#EXT-X-PROGRAM-DATE-TIME[^\n]*\n)?[^\n]*seg-/);
  });

  it("rotating the key gives a new one and the ingest listens with it", async () => {
    const rotated = await modules.admin.rotateStreamKey(adminPrincipal, channel.id);
    expect(rotated.ingest!.stream_key).not.toBe(channel.ingest!.stream_key);
    // The push with the old key is cut off.
    await Promise.all(pushes.map(stopped));
    await waitFor((s) => s.state === "off_air" && s.running, 10_000, "off air after the rotation");
  });
});
