import { describe, expect, it } from "vitest";
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
