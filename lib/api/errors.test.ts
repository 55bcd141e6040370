import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./errors";

// Which failures become 503 (retry shortly) rather than 500. test/faults.test.ts drives the real ones end to end.
describe("isDatabaseUnavailable", () => {
  const withCode = (code: string, cause?: unknown) => Object.assign(new Error(code), { code, cause });

  it("recognises a connection cut while writing, wrapped by drizzle", () => {
    // drizzle wraps the driver's error; a proxy or restarting server that closes the socket mid-write gives EPIPE.
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: withCode("EPIPE") }))).toBe(true);
  });

  it("recognises terminated backends, refused connections and cancelled (timed out) statements", () => {
    for (const code of ["57P01", "ECONNREFUSED", "CONNECT_TIMEOUT", "57014", "55P03"]) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
  });

  it("leaves real query errors alone", () => {
    expect(isDatabaseUnavailable(withCode("23505"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
