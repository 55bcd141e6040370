import { describe, expect, it } from "vitest";
import type { AudioTrack, Rendition } from "@/db/schema/media";
import { allowedRenditions, renderSignedMaster, signPlaylist, signThumbnailsVtt } from "./playlists";
import { signature, signPath, verifySignedPath } from "./signing";

const SECRET = "unit-test-secret-unit-test-secret-0123";
const rendition = (name: string, width: number, height: number, bandwidth: number): Rendition => ({
  name,
  width,
  height,
  bandwidth,
  averageBandwidth: bandwidth,
  codecs: "avc1.64001f,mp4a.40.2",
  playlist: `${name}/index.m3u8`,
});
const ladder = [
  rendition("1080p", 1920, 800, 5_000_000), // a scope film: its 1080p rung is 800 pixels high
  rendition("360p", 640, 268, 900_000),
  rendition("2160p", 3840, 1600, 16_000_000),
  rendition("480p", 854, 356, 1_500_000),
  rendition("720p", 1280, 534, 3_000_000),
];

describe("nginx secure_link_md5 signatures", () => {
  it("match what nginx computes for \"$secure_link_expires$uri <secret>\" (vector from openssl md5 -binary | base64url)", () => {
    // echo -n '2147483647/media/a/360p/seg-00000.ts s3cr3t' | openssl md5 -binary | openssl base64 | tr +/ -_ | tr -d =
    expect(signature("/media/a/360p/seg-00000.ts", 2147483647, "s3cr3t")).toBe("v--Ss2bvFwlDmNatv-dkzQ");
  });

  it("verify only the exact path, signature and a future expiry", () => {
    const now = Date.UTC(2030, 0, 1);
    const expires = now / 1000 + 60;
    const signed = new URL(signPath("/media/x/480p/index.m3u8", expires, SECRET), "http://h");
    const check = (p: string, q: URLSearchParams, at = now) => verifySignedPath(p, q, at, SECRET);
    expect(check(signed.pathname, signed.searchParams)).toEqual({ ok: true, expires });
    expect(check("/media/x/1080p/index.m3u8", signed.searchParams)).toEqual({ ok: false, reason: "invalid" });
    expect(check(signed.pathname, signed.searchParams, (expires + 1) * 1000)).toEqual({ ok: false, reason: "expired" });
    expect(check(signed.pathname, new URLSearchParams({ expires: String(expires) }))).toEqual({ ok: false, reason: "missing" });
    const otherSecret = verifySignedPath(signed.pathname, signed.searchParams, now, `${SECRET}x`);
    expect(otherSecret).toEqual({ ok: false, reason: "invalid" });
    const bumped = new URLSearchParams(signed.searchParams);
    bumped.set("expires", String(expires + 3600));
    expect(check(signed.pathname, bumped)).toEqual({ ok: false, reason: "invalid" });
    bumped.set("expires", "1e12");
    expect(check(signed.pathname, bumped)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("plan caps", () => {
  it("go by rung, not pixel height, lowest first", () => {
    expect(allowedRenditions(ladder, "480p").map((r) => r.name)).toEqual(["360p", "480p"]);
    expect(allowedRenditions(ladder, "1080p").map((r) => r.name)).toEqual(["360p", "480p", "720p", "1080p"]);
    expect(allowedRenditions(ladder, "2160p").map((r) => r.name)).toEqual(["360p", "480p", "720p", "1080p", "2160p"]);
  });

  it("keep the lowest rendition when the cap is below every rung", () => {
    expect(allowedRenditions([rendition("720p", 1280, 720, 3_000_000), rendition("1080p", 1920, 1080, 5_000_000)], "480p").map((r) => r.name)).toEqual(["720p"]);
  });

  it("render a master whose variant URIs are all signed", () => {
    const master = renderSignedMaster({ id: "a", renditions: ladder, audioTracks: [] }, "480p", 2_000_000_000);
    const uris = master.split("\n").filter((line) => line && !line.startsWith("#"));
    expect(uris).toHaveLength(2);
    expect(uris[0]).toMatch(/^\/media\/a\/360p\/index\.m3u8\?md5=[\w-]{22}&expires=2000000000$/);
    expect(master).toContain("RESOLUTION=854x356");
    expect(master).not.toContain("1280x");
    expect(master).not.toContain("EXT-X-MEDIA");
  });

  it("list alternate audio as one signed group that every capped variant names, its bitrate added to theirs", () => {
    const track = (language: string, label: string, playlist: string | null, bandwidth = 0): AudioTrack =>
      ({ language, label, default: playlist === null, playlist, codecs: "mp4a.40.2", channels: 2, bandwidth, averageBandwidth: bandwidth });
    const audioTracks = [track("en", "English", null), track("es", "Español", "audio-1/index.m3u8", 140_000), track("fr", "Français", "audio-2/index.m3u8", 150_000)];
    const master = renderSignedMaster({ id: "a", renditions: ladder, audioTracks }, "480p", 2_000_000_000).split("\n");
    expect(master.filter((line) => line.startsWith("#EXT-X-MEDIA:"))).toEqual([
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",LANGUAGE="en",NAME="English",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2"',
      expect.stringMatching(/^#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",LANGUAGE="es",NAME="Español",DEFAULT=NO,AUTOSELECT=YES,CHANNELS="2",URI="\/media\/a\/audio-1\/index\.m3u8\?md5=[\w-]{22}&expires=2000000000"$/),
      expect.stringMatching(/^#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",LANGUAGE="fr",NAME="Français",DEFAULT=NO,AUTOSELECT=YES,CHANNELS="2",URI="\/media\/a\/audio-2\/index\.m3u8\?md5=/),
    ]);
    expect(master.filter((line) => line.startsWith("#EXT-X-STREAM-INF:"))).toEqual([
      '#EXT-X-STREAM-INF:BANDWIDTH=1050000,AVERAGE-BANDWIDTH=1050000,RESOLUTION=640x268,CODECS="avc1.64001f,mp4a.40.2",AUDIO="aac"',
      '#EXT-X-STREAM-INF:BANDWIDTH=1650000,AVERAGE-BANDWIDTH=1650000,RESOLUTION=854x356,CODECS="avc1.64001f,mp4a.40.2",AUDIO="aac"',
    ]);
    // A single muxed track (every single-audio asset) changes nothing.
    expect(renderSignedMaster({ id: "a", renditions: ladder, audioTracks: [track("en", "English", null)] }, "480p", 1)).toBe(
      renderSignedMaster({ id: "a", renditions: ladder, audioTracks: [] }, "480p", 1),
    );
  });
});

describe("rewriting playlists and thumbnail maps", () => {
  it("signs every segment and URI attribute, resolved against the playlist's folder", () => {
    const text = ["#EXTM3U", '#EXT-X-MAP:URI="init.mp4"', "#EXTINF:6.0,", "seg-00000.ts", "#EXTINF:6.0,", "seg-00001.ts", "#EXT-X-ENDLIST"].join("\n");
    const out = signPlaylist(text, "/media/a/480p/index.m3u8", 2_000_000_000).split("\n");
    expect(out[1]).toMatch(/^#EXT-X-MAP:URI="\/media\/a\/480p\/init\.mp4\?md5=[\w-]+&expires=2000000000"$/);
    expect(out[3]).toMatch(/^\/media\/a\/480p\/seg-00000\.ts\?md5=/);
    expect(out[5]).toMatch(/^\/media\/a\/480p\/seg-00001\.ts\?md5=/);
    expect(out[6]).toBe("#EXT-X-ENDLIST");
  });

  it("refuses URIs to other hosts or outside the asset", () => {
    expect(() => signPlaylist("#EXTM3U\nhttps://evil.example/x.ts\n", "/media/a/480p/index.m3u8", 1)).toThrow();
    expect(() => signPlaylist("#EXTM3U\n../../b/480p/seg.ts\n", "/media/a/480p/index.m3u8", 1)).toThrow();
  });

  it("signs sprite references in the thumbnails map, keeping the #xywh fragment", () => {
    const vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nsprite-0.jpg#xywh=160,90,160,90\n";
    const out = signThumbnailsVtt(vtt, "/media/a/thumbnails.vtt", 2_000_000_000);
    expect(out).toMatch(/^\/media\/a\/sprite-0\.jpg\?md5=[\w-]+&expires=2000000000#xywh=160,90,160,90$/m);
    expect(out).toContain("00:00:00.000 --> 00:00:05.000");
  });
});
