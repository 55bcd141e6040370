import { describe, expect, it } from "vitest";
import { describeUserAgent, formatRelative } from "./format";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeReturnPath("/account")).toBe("/account");
    expect(safeReturnPath("/watch/movie/1?t=30")).toBe("/watch/movie/1?t=30");
  });

  it("refuses anything that could leave the site", () => {
    for (const hostile of ["https://evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "", "account", "/\nLocation: x"]) {
      expect(safeReturnPath(hostile, "/profiles")).toBe("/profiles");
    }
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(["/a"])).toBe("/");
  });
});

describe("describeUserAgent", () => {
  it("names common browsers and systems", () => {
    expect(describeUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15")).toBe("Safari on macOS");
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0")).toBe("Edge on Windows");
    expect(describeUserAgent("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36")).toBe("Chrome on Android");
    expect(describeUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile Safari/604.1")).toBe("Safari on iOS");
  });

  it("falls back to the client's own name for API clients", () => {
    expect(describeUserAgent("curl/8.5.0")).toBe("curl 8.5.0");
    expect(describeUserAgent(null)).toBe("Unknown device");
  });
});

describe("formatRelative", () => {
  const now = Date.parse("2026-01-10T12:00:00Z");
  it("says how long ago, in the largest sensible unit", () => {
    expect(formatRelative("2026-01-10T11:59:40Z", now)).toBe("just now");
    expect(formatRelative("2026-01-10T11:55:00Z", now)).toBe("5 minutes ago");
    expect(formatRelative("2026-01-09T12:00:00Z", now)).toBe("yesterday");
    expect(formatRelative("2025-12-10T12:00:00Z", now)).toBe("last month");
  });
});
