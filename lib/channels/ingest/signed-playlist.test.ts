// A live rung's signed playlist, shared by its viewers: the same bytes as signing the ingest's file afresh, new
// segments signed as they arrive (and only they), and every URL valid at least as long as the viewer's variant URL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signPlaylist } from "@/lib/playback/playlists";
import * as signing from "@/lib/playback/signing";
import { LIVE_SIGNING_BUCKET_SECONDS, liveSegmentExpiry, signedLivePlaylist, signedLivePlaylistCount } from "./signed-playlist";

vi.mock("@/lib/playback/signing", async (original) => {
  const actual = await original<typeof import("@/lib/playback/signing")>();
  return { ...actual, signPath: vi.fn(actual.signPath) };
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-live-signing-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const VIEWING = 12 * 3600;
const publicPath = (channel: string) => `/media/live/${channel}/720p/index.m3u8`;

/** An ingest playlist as ffmpeg's live HLS muxer writes it: segments `from` to `to`, a feed that came back at `resumedAt`. */
function ingestPlaylist(from: number, to: number, resumedAt?: number): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:2", `#EXT-X-MEDIA-SEQUENCE:${from}`, "#EXT-X-INDEPENDENT-SEGMENTS"];
  for (let n = from; n < to; n++) {
    if (n === resumedAt) lines.push("#EXT-X-DISCONTINUITY");
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(1_800_000_000_000 + n * 2000).toISOString().replace("Z", "+0000")}`);
    lines.push("#EXTINF:2.000000,", `seg-${n < (resumedAt ?? Infinity) ? "a1" : "b2"}-${String(n).padStart(6, "0")}.ts`);
  }
  return `${lines.join("\n")}\n`;
}

/** Replaces the playlist the way the ingest does (a temporary file renamed over it). */
function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}

const signed = vi.mocked(signing.signPath);
const segmentUrls = (text: string) => text.split("\n").filter((line) => line.startsWith("/media/"));

beforeEach(() => signed.mockClear());

describe("signed live playlists", () => {
  it("signs every segment at least as long as the variant URL, on a shared boundary", () => {
    const now = Date.UTC(2026, 11, 8, 0, 3, 17);
    const startedNow = Math.floor(now / 1000) + VIEWING;
    const startedEarlier = startedNow - 5000;
    for (const variant of [startedNow, startedEarlier]) {
      const expires = liveSegmentExpiry(variant, VIEWING, now);
      expect(expires).toBeGreaterThanOrEqual(variant);
      expect(expires % LIVE_SIGNING_BUCKET_SECONDS).toBe(0);
      expect(expires - startedNow).toBeLessThan(LIVE_SIGNING_BUCKET_SECONDS);
    }
    // Viewers who started at different times share one expiry, so one signed text.
    expect(liveSegmentExpiry(startedEarlier, VIEWING, now)).toBe(liveSegmentExpiry(startedNow, VIEWING, now));
  });

  it("answers the same bytes as signing afresh, signing only the segments that arrived since", async () => {
    const channel = "0b5e3c52-43f4-4a55-9d3c-4c8b9f0a1d21";
    const file = path.join(dir, channel, "720p", "index.m3u8");
    let now = Date.UTC(2026, 11, 8, 0, 10, 0);
    const expires = liveSegmentExpiry(Math.floor(now / 1000) + VIEWING, VIEWING, now);
    write(file, ingestPlaylist(0, 3600, 1800));

    const first = await signedLivePlaylist(file, publicPath(channel), expires, now);
    expect(signed).toHaveBeenCalledTimes(3600);
    expect(first).toBe(signPlaylist(ingestPlaylist(0, 3600, 1800), publicPath(channel), expires));
    expect(segmentUrls(first!)).toHaveLength(3600);

    // Refreshes while the file is unchanged sign nothing.
    signed.mockClear();
    expect(await signedLivePlaylist(file, publicPath(channel), expires, now + 500)).toBe(first);
    expect(signed).not.toHaveBeenCalled();

    // The window slides by one segment: one new signature, the rest reused, the text as if signed afresh.
    now += 2000;
    write(file, ingestPlaylist(1, 3601, 1800));
    const slid = await signedLivePlaylist(file, publicPath(channel), expires, now);
    expect(signed).toHaveBeenCalledTimes(1);
    expect(slid).toBe(signPlaylist(ingestPlaylist(1, 3601, 1800), publicPath(channel), expires));
    expect(segmentUrls(slid!).at(-1)).toMatch(/seg-b2-003600\.ts\?md5=[\w-]+&expires=\d+$/);

    // Every URL verifies, for the path it names, until the expiry (and not after).
    for (const url of segmentUrls(slid!)) {
      const [urlPath, query] = url.split("?");
      expect(signing.verifySignedPath(urlPath, new URLSearchParams(query), now)).toEqual({ ok: true, expires });
    }
    const [lastPath, lastQuery] = segmentUrls(slid!).at(-1)!.split("?");
    expect(signing.verifySignedPath(lastPath, new URLSearchParams(lastQuery), expires * 1000)).toEqual({ ok: false, reason: "expired" });
    expect(signing.verifySignedPath(lastPath.replace("003600", "003599"), new URLSearchParams(lastQuery), now)).toEqual({ ok: false, reason: "invalid" });

    // The next bucket's expiry signs the window again, the same as afresh.
    now += LIVE_SIGNING_BUCKET_SECONDS * 1000;
    const later = liveSegmentExpiry(Math.floor(now / 1000) + VIEWING, VIEWING, now);
    expect(later).toBeGreaterThan(expires);
    expect(await signedLivePlaylist(file, publicPath(channel), later, now)).toBe(signPlaylist(ingestPlaylist(1, 3601, 1800), publicPath(channel), later));
  });

  it("forgets the playlists nobody asks for, and answers nothing for a rung not written", async () => {
    const now = Date.UTC(2026, 11, 8, 1, 0, 0);
    const channels = ["5a0f7a4e-1b0c-4c39-8f57-0c1c2d3e4f50", "6b1f8b5f-2c1d-4d4a-9a68-1d2d3e4f5061"];
    for (const channel of channels) write(path.join(dir, channel, "720p", "index.m3u8"), ingestPlaylist(0, 5));
    for (const channel of channels) await signedLivePlaylist(path.join(dir, channel, "720p", "index.m3u8"), publicPath(channel), 2_000_000_000, now);
    const held = signedLivePlaylistCount();
    expect(held).toBeGreaterThanOrEqual(2);
    // Two minutes on, only the second channel is still watched: the others are dropped.
    await signedLivePlaylist(path.join(dir, channels[1], "720p", "index.m3u8"), publicPath(channels[1]), 2_000_000_000, now + 120_000);
    expect(signedLivePlaylistCount()).toBe(1);
    expect(await signedLivePlaylist(path.join(dir, channels[0], "1080p", "index.m3u8"), publicPath(channels[0]), 2_000_000_000, now)).toBeUndefined();
  });
});
