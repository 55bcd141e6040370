import { beforeAll, describe, expect, it } from "vitest";
import type { LongFilmFixture } from "./test-fixtures";
import { useFreshDatabase } from "@/test/fresh-database";

// A two-hour film played through the embedded /media route with the clock moved forward: the master link is short
// (MANIFEST_TTL_SECONDS), but the variant playlists and segments it leads to must stay valid to the end of the film.
// Runs on this file's own database (a fresh one on PostgreSQL: it adds a title).

let modules: {
  media: typeof import("./media");
  playlists: typeof import("./playlists");
  signing: typeof import("./signing");
};
let film: LongFilmFixture;

useFreshDatabase();

beforeAll(async () => {
  modules = {
    media: await import("./media"),
    playlists: await import("./playlists"),
    signing: await import("./signing"),
  };
  const { mediaDir } = await import("@/lib/env");
  film = await (await import("./test-fixtures")).seedLongFilm(mediaDir);
});


const MINUTE = 60_000;

type Fetched = { status: number; text: string; body: Buffer };

/** GET a signed /media URL through the media route, as if the clock read `at`. */
async function get(url: string, at: number): Promise<Fetched> {
  const request = new Request(`http://localhost${url}`);
  const segments = new URL(request.url).pathname.split("/").slice(2).map(decodeURIComponent);
  const response = await modules.media.serveMedia(request, segments, at);
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, text: body.toString("utf8"), body };
}

const urisOf = (playlist: string) => playlist.split("\n").filter((line) => line.trim() && !line.startsWith("#"));
const expiresOf = (url: string) => Number(new URL(url, "http://h").searchParams.get("expires"));

/** The master link a stream start hands out at `startedAt` (startStream signs it the same way). */
function masterLink(startedAt: number): string {
  const { signPath, manifestExpiry } = modules.signing;
  return signPath(modules.playlists.masterPath(film.assetId, "480p"), manifestExpiry(startedAt));
}

describe("a two-hour film outlives its master link", () => {
  it("plays variant playlists and segments after the master expired, to the end of the film, and no further", async () => {
    const { MANIFEST_TTL_SECONDS, PLAYBACK_WINDOW_SLACK_SECONDS } = modules.signing;
    const startedAt = Date.now();
    const manifest = masterLink(startedAt);
    const masterExpires = expiresOf(manifest);
    expect(masterExpires).toBe(Math.floor(startedAt / 1000) + MANIFEST_TTL_SECONDS);

    const master = await get(manifest, startedAt + 2_000);
    expect(master.status).toBe(200);
    const variants = urisOf(master.text);
    expect(variants).toHaveLength(2);

    // Minute 11: the master link has expired (it may only be first fetched within its TTL)…
    const afterMaster = startedAt + (MANIFEST_TTL_SECONDS + 60) * 1000;
    expect((await get(manifest, afterMaster)).status).toBe(403);
    // …but the player, switching rendition now, still gets its variant playlist and segments.
    const variant = await get(variants[1], afterMaster);
    expect(variant.status).toBe(200);
    const segments = urisOf(variant.text);
    expect(segments).toHaveLength(film.segmentCount);
    expect((await get(segments[110], afterMaster)).status).toBe(200);
    // The window: from the stream's start, the film's length plus the slack, for every variant and segment.
    const windowEnds = Math.floor(startedAt / 1000) + 7200 + PLAYBACK_WINDOW_SLACK_SECONDS;
    for (const uri of [...variants, ...segments]) expect(expiresOf(uri)).toBe(windowEnds);

    // Minute 119 (after a 20-minute pause, still inside the window): the last segment.
    const last = await get(segments[segments.length - 1], startedAt + 139 * MINUTE);
    expect(last.status).toBe(200);
    expect(last.body.equals(film.segment)).toBe(true);
    expect((await get(variants[0], startedAt + 139 * MINUTE)).status).toBe(200);

    // Past the viewing window, nothing plays any more.
    const afterWindow = (windowEnds + 1) * 1000;
    expect((await get(segments[segments.length - 1], afterWindow)).status).toBe(403);
    expect((await get(variants[1], afterWindow)).status).toBe(403);
  });

  it("cannot be stretched: refetching the master later gives the same window, and a moved expiry breaks the signature", async () => {
    const startedAt = Date.now();
    const manifest = masterLink(startedAt);
    const first = urisOf((await get(manifest, startedAt)).text);
    // Refetching at minute 9 (the last moment the master is valid) does not push the window back by 9 minutes.
    const again = urisOf((await get(manifest, startedAt + 9 * MINUTE)).text);
    expect(again).toEqual(first);

    // The window comes from the master's signed expiry, so a master with a later expiry is no longer signed…
    const stretchedMaster = manifest.replace(/expires=\d+/, `expires=${expiresOf(manifest) + 86_400}`);
    expect((await get(stretchedMaster, startedAt)).status).toBe(403);
    // …and neither is a variant or segment whose expiry was moved.
    const stretchedVariant = first[0].replace(/expires=\d+/, `expires=${expiresOf(first[0]) + 86_400}`);
    expect((await get(stretchedVariant, startedAt)).status).toBe(403);
    const segment = urisOf((await get(first[0], startedAt)).text)[0];
    expect((await get(segment.replace(/expires=\d+/, `expires=${expiresOf(segment) + 86_400}`), startedAt)).status).toBe(403);
  });

  it("signs variants and segments so nginx's secure_link verifies them (md5 of expires, path and secret)", async () => {
    const { createHash } = await import("node:crypto");
    const secret = modules.signing.signingSecret();
    const startedAt = Date.now();
    const variant = urisOf((await get(masterLink(startedAt), startedAt)).text)[0];
    const variantAtMinute20 = await get(variant, startedAt + 20 * MINUTE);
    expect(variantAtMinute20.status).toBe(200);
    const segment = urisOf(variantAtMinute20.text)[0];
    for (const uri of [variant, segment]) {
      const url = new URL(uri, "http://h");
      const expires = url.searchParams.get("expires");
      const nginx = createHash("md5").update(`${expires}${url.pathname} ${secret}`).digest("base64url");
      expect(url.searchParams.get("md5")).toBe(nginx);
    }
  });
});
