// The ladder, levels, probe parsing and the thumbnail map: the decisions made before and after ffmpeg runs.
import { describe, expect, it } from "vitest";
import { renderMasterPlaylist, renderThumbnailsVtt } from "./hls";
import { h264Level, planLadder } from "./ladder";
import { parseProbe } from "./probe";

const ladder = (width: number, height: number, fps = 30) =>
  planLadder({ width, height, fps, hasAudio: true }).map((r) => `${r.name} ${r.width}x${r.height} L${r.level}`);

describe("planLadder", () => {
  it("goes up to the source's size and never upscales", () => {
    expect(ladder(3840, 2160)).toEqual([
      "360p 640x360 L30",
      "480p 854x480 L31",
      "720p 1280x720 L31",
      "1080p 1920x1080 L40",
      "1440p 2560x1440 L50",
      "2160p 3840x2160 L51",
    ]);
    expect(ladder(1280, 720)).toEqual(["360p 640x360 L30", "480p 854x480 L31", "720p 1280x720 L31"]);
    expect(ladder(1000, 600)).toEqual(["360p 600x360 L30", "480p 800x480 L31"]);
    expect(ladder(176, 144)).toEqual(["360p 176x144 L30"]);
  });

  it("keeps the aspect ratio: a scope film fills the 1080p rung by width, a 4:3 one by height", () => {
    expect(ladder(1920, 800).at(-1)).toBe("1080p 1920x800 L40");
    expect(ladder(1440, 1080).at(-1)).toBe("1080p 1440x1080 L40");
  });

  it("spends more bits on high frame rates and caps them at 60 fps", () => {
    const [at30, at60] = [planLadder({ width: 1280, height: 720, fps: 30, hasAudio: false }), planLadder({ width: 1280, height: 720, fps: 120, hasAudio: false })];
    expect(at60[2]).toMatchObject({ fps: 60, videoKbps: at30[2].videoKbps * 1.5, level: 32, codecs: "avc1.640020" });
  });
});

it("h264Level picks the lowest level that fits size, rate and bitrate", () => {
  expect(h264Level(1920, 1080, 30, 5500)).toBe(40);
  expect(h264Level(1920, 1080, 30, 30_000)).toBe(41);
  expect(h264Level(1920, 1080, 60, 8000)).toBe(42);
  expect(h264Level(3840, 2160, 60, 26_000)).toBe(52);
});

it("parseProbe reads display size (aspect ratio, rotation), rate, audio and duration", () => {
  const info = parseProbe({
    streams: [
      { codec_type: "video", width: 1920, height: 1080, avg_frame_rate: "30000/1001", side_data_list: [{ rotation: -90 }] },
      { codec_type: "audio" },
    ],
    format: { duration: "12.5" },
  });
  expect(info).toEqual({
    durationSeconds: 12.5,
    width: 1080,
    height: 1920,
    fps: 30000 / 1001,
    hasAudio: true,
    audio: [{ index: 0, language: "und", label: "Audio 1", default: true }],
  });
  expect(parseProbe({ streams: [{ codec_type: "video", width: 720, height: 576, sample_aspect_ratio: "64:45" }], format: { duration: "1" } }).width).toBe(1024);
  expect(() => parseProbe({ streams: [{ codec_type: "audio" }, { codec_type: "video", width: 500, height: 500, disposition: { attached_pic: 1 } }], format: { duration: "60" } })).toThrow("no video stream");
  expect(() => parseProbe({ streams: [{ codec_type: "video", width: 64, height: 64 }], format: {} })).toThrow("no duration");
});

it("parseProbe keeps every audio stream: language from its tags (und otherwise), the default from its disposition", () => {
  const video = { codec_type: "video", width: 640, height: 360 };
  const audio = (language?: string, isDefault = 0, title?: string) => ({ codec_type: "audio", disposition: { default: isDefault }, tags: { language, title } });
  const { audio: tracks } = parseProbe({ streams: [video, audio("eng"), audio("spa", 1), audio(), audio("fre", 0, "Commentaire"), audio("eng")], format: { duration: "3" } });
  expect(tracks).toEqual([
    { index: 0, language: "en", label: "English", default: false },
    { index: 1, language: "es", label: "Español", default: true },
    { index: 2, language: "und", label: "Audio 3", default: false },
    { index: 3, language: "fr", label: "Commentaire", default: false },
    { index: 4, language: "en", label: "English 2", default: false },
  ]);
  // No default disposition anywhere: the first stream is the default.
  expect(parseProbe({ streams: [video, audio("ger"), audio("jpn")], format: { duration: "3" } }).audio.map((a) => [a.language, a.label, a.default])).toEqual([
    ["de", "Deutsch", true],
    ["ja", "日本語", false],
  ]);
});

it("the thumbnail map covers the whole video, sheet by sheet", () => {
  const vtt = renderThumbnailsVtt(503, 101);
  expect(vtt).toContain("00:00:00.000 --> 00:00:05.000\nsprite-0.jpg#xywh=0,0,160,90\n");
  expect(vtt).toContain("00:08:15.000 --> 00:08:20.000\nsprite-0.jpg#xywh=1440,810,160,90\n");
  expect(vtt.trimEnd().endsWith("00:08:20.000 --> 00:08:23.000\nsprite-1.jpg#xywh=0,0,160,90")).toBe(true);
});

it("renderMasterPlaylist lists renditions by bandwidth, with their URLs", () => {
  const rendition = (name: string, height: number, bandwidth: number) =>
    ({ name, width: (height * 16) / 9, height, bandwidth, averageBandwidth: bandwidth - 1, codecs: "avc1.64001f", playlist: `${name}/index.m3u8` });
  const master = renderMasterPlaylist([rendition("720p", 720, 3000), rendition("360p", 360, 900)], (playlist) => `/s/${playlist}?sig=x`);
  expect(master.split("\n")).toEqual([
    "#EXTM3U",
    "#EXT-X-VERSION:3",
    "#EXT-X-INDEPENDENT-SEGMENTS",
    '#EXT-X-STREAM-INF:BANDWIDTH=900,AVERAGE-BANDWIDTH=899,RESOLUTION=640x360,CODECS="avc1.64001f"',
    "/s/360p/index.m3u8?sig=x",
    '#EXT-X-STREAM-INF:BANDWIDTH=3000,AVERAGE-BANDWIDTH=2999,RESOLUTION=1280x720,CODECS="avc1.64001f"',
    "/s/720p/index.m3u8?sig=x",
    "",
  ]);
});
