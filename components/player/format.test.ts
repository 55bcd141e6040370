import { describe, expect, it } from "vitest";
import { qualityName } from "./format";

describe("qualityName", () => {
  it("names a rendition by its ladder rung, whatever the picture's shape", () => {
    expect(qualityName(1920, 1080)).toBe("1080p");
    expect(qualityName(1920, 804)).toBe("1080p");
    expect(qualityName(640, 268)).toBe("360p");
    expect(qualityName(854, 356)).toBe("480p");
    expect(qualityName(1280, 720)).toBe("720p");
    expect(qualityName(608, 1080)).toBe("1080p"); // a portrait video in the 1080p box
    expect(qualityName(3840, 2160)).toBe("2160p");
  });
});
