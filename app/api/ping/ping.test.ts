// The benchmarks' baselines: GET /api/ping does nothing; PUT /api/ping answers a JSON body back (bench:progress).
import { describe, expect, it } from "vitest";
import { api } from "@/test/http";

describe("/api/ping", () => {
  it("GET answers 204 with nothing", async () => {
    const response = await api("GET", "/api/ping");
    expect(response.status).toBe(204);
    expect(response.text).toBe("");
  });

  it("PUT answers the JSON body back; bad JSON and bodies over the cap are refused with the envelope", async () => {
    const body = { kind: "movie_watch_progress", movie_id: "0b6c7f0e-7b5e-4d55-9a54-1f2d3c4b5a69", progress: 12.5, client_timestamp: 1765090000000 };
    const echoed = await api("PUT", "/api/ping", { body });
    expect(echoed.status).toBe(200);
    expect(echoed.body).toEqual({ echo: body });

    const bad = await api("PUT", "/api/ping", { raw: "{nope" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_json");

    const huge = await api("PUT", "/api/ping", { raw: JSON.stringify({ pad: "x".repeat(2 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("payload_too_large");
  });
});
