import { describe, expect, it } from "vitest";
import { timeLeft } from "./format";

describe("timeLeft", () => {
  it("says seconds under a minute, never 0 min", () => {
    expect(timeLeft(13, 30)).toBe("17 s left");
    expect(timeLeft(29.2, 30)).toBe("1 s left");
    expect(timeLeft(0, 59)).toBe("59 s left");
  });
  it("says minutes, then hours and minutes", () => {
    expect(timeLeft(0, 60)).toBe("1 min left");
    expect(timeLeft(300, 1020)).toBe("12 min left");
    expect(timeLeft(0, 3600)).toBe("1 h left");
    expect(timeLeft(100, 100 + 3900)).toBe("1 h 5 min left");
  });
  it("is undefined for an unknown length or a finished item", () => {
    expect(timeLeft(10, null)).toBeUndefined();
    expect(timeLeft(30, 30)).toBeUndefined();
  });
});
