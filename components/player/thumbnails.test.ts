import { describe, expect, it } from "vitest";
import { renderThumbnailsVtt, SPRITE } from "@/lib/media/hls";
import { formatTime } from "./format";
import { parseThumbnailsVtt, thumbnailAt } from "./thumbnails";

describe("scrub previews", () => {
  // The map the transcoder writes, as the /media route signs it.
  const vtt = renderThumbnailsVtt(1234.5, 247).replace(/^(sprite-\d+\.jpg)/gm, "/media/a/$1?md5=x&expires=1");
  const cues = parseThumbnailsVtt(vtt, "http://localhost/media/a/thumbnails.vtt?md5=y&expires=1");

  it("parses every tile of the transcoder's map, across sheets", () => {
    expect(cues).toHaveLength(247);
    expect(cues[0]).toEqual({ start: 0, end: 5, url: "http://localhost/media/a/sprite-0.jpg?md5=x&expires=1", x: 0, y: 0, width: 160, height: 90 });
    expect(cues[123]).toMatchObject({ start: 615, url: expect.stringContaining("sprite-1.jpg"), x: 3 * SPRITE.tileWidth, y: 2 * SPRITE.tileHeight });
    expect(cues[246].end).toBe(1234.5);
  });

  it("finds the tile under any time, the last one running to the end", () => {
    expect(thumbnailAt(cues, 0)?.start).toBe(0);
    expect(thumbnailAt(cues, 617.2)?.start).toBe(615);
    expect(thumbnailAt(cues, 1234.5)?.start).toBe(1230);
    expect(thumbnailAt([], 5)).toBeUndefined();
  });

  it("formats times as a player shows them", () => {
    expect([formatTime(0), formatTime(75.9), formatTime(3725), formatTime(Number.NaN)]).toEqual(["0:00", "1:15", "1:02:05", "0:00"]);
  });
});
