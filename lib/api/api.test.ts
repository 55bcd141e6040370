import http from "node:http";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { api, createAccount, expectEnvelope, randomIp } from "@/test/http";

describe("the API wrapper", () => {
  it("answers unknown API paths with a 404 envelope", async () => {
    expectEnvelope(await api("GET", "/api/does-not-exist"), 404, "not_found");
    expectEnvelope(await api("POST", "/api/accounts/new/extra"), 404, "not_found");
  });

  it("answers a method the endpoint does not accept with a 405 envelope", async () => {
    const put = await api("PUT", "/api/plans");
    expectEnvelope(put, 405, "method_not_allowed");
    expect(put.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    // A "." path parameter resolves to the parent route, which has no PUT (found by the fuzzer).
    expectEnvelope(await api("PUT", "/api/admin/titles/./published", { body: { published: true } }), 405, "method_not_allowed");
    const options = await api("OPTIONS", "/api/plans");
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toContain("GET");
  });

  it("refuses NUL characters, which PostgreSQL text cannot store, with a 422 naming the field", async () => {
    const { token } = await createAccount();
    for (const [path, field] of [
      ["/api/movies?genre=%00", "query.genre"],
      ["/api/movies?q=a%00b", "query.q"],
      ["/api/browse/trending?genre=%00", "query.genre"],
    ]) {
      const response = await api("GET", path, { token });
      expectEnvelope(response, 422, "validation_failed");
      expect(response.body.error.details, path).toEqual([{ field, message: "NUL characters are not allowed." }]);
    }
  });

  it("refuses a query parameter the endpoint does not declare with 422 unknown_parameter naming it", async () => {
    const { token } = await createAccount();
    const typo = await api("GET", "/api/movies?genre=drama&lang=fr", { token });
    expectEnvelope(typo, 422, "unknown_parameter");
    expect(typo.body.error.message).toContain('"lang"');
    expect(typo.body.error.details).toEqual([{ field: "query.lang", message: "This endpoint does not take this parameter." }]);
    // An endpoint without query parameters takes none, whatever the method.
    const none = await api("POST", "/api/profiles/Nobody/new?extra=1", { token });
    expectEnvelope(none, 422, "unknown_parameter");
    expect(none.body.error.message).toContain("takes no query parameters");
    expect((await api("GET", "/api/profiles", { token })).status).toBe(200);
    expect((await api("GET", "/api/movies?genre=drama&limit=5", { token })).status).toBe(200);
    // A GET whose fields come as a body or as query parameters accepts the body's fields, and only those.
    expectEnvelope(await api("GET", "/api/plans?verbose=1"), 422, "unknown_parameter");
  });

  it("answers malformed JSON with 400", async () => {
    for (const raw of ["{", "{'a':1}", "undefined", '{"username": "x",}', "\u0000"]) {
      expectEnvelope(await api("POST", "/api/accounts/new", { raw }), 400, "invalid_json");
    }
  });

  it("answers JSON that is not an object with 422", async () => {
    for (const raw of ["[]", "42", '"text"', "null", "true"]) {
      expectEnvelope(await api("POST", "/api/accounts/new", { raw }), 422, "validation_failed");
    }
  });

  it("answers an empty body with 422 listing every missing field", async () => {
    const response = await api("POST", "/api/accounts/new");
    expectEnvelope(response, 422, "validation_failed");
    expect(response.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["body.email", "body.password", "body.username"]);
  });

  it("answers an oversized body with 413, with or without Content-Length", async () => {
    const big = JSON.stringify({ username: "x", password: "y".repeat(2 * 1024 * 1024), email: "a@b.co" });
    expectEnvelope(await api("POST", "/api/accounts/new", { raw: big }), 413, "payload_too_large");

    // Chunked: no Content-Length for the server to check up front.
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${inject("baseUrl")}/api/accounts/new`, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      });
      req.on("error", reject);
      for (let i = 0; i < 40; i++) req.write("x".repeat(64 * 1024));
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe("payload_too_large");
  });

  it("sends rate-limit headers and a request id on every API response", async () => {
    const response = await api("GET", "/api/plans");
    expect(Number(response.headers.get("x-ratelimit-limit"))).toBeGreaterThan(0);
    expect(Number(response.headers.get("x-ratelimit-remaining"))).toBeGreaterThanOrEqual(0);
    expect(Number(response.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const error = await api("PUT", "/api/accounts/email", { body: {} });
    expect(error.headers.get("x-ratelimit-limit")).not.toBeNull();
  });

  it("counts requests against the client's budget", async () => {
    const ip = randomIp();
    const first = await api("GET", "/api/plans", { ip });
    const second = await api("GET", "/api/plans", { ip });
    expect(Number(second.headers.get("x-ratelimit-remaining"))).toBe(Number(first.headers.get("x-ratelimit-remaining")) - 1);
  });

  it("accepts a GET with a body and rejects an oversized one with 413", async () => {
    const { token } = await createAccount();
    const json = JSON.stringify({ any: "thing" });
    const withBody = await new Promise<number>((resolve, reject) => {
      const headers = { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": String(json.length) };
      const req = http.request(`${inject("baseUrl")}/api/accounts/me`, { method: "GET", headers }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on("error", (e) => reject(new Error("small: " + e.message)));
      req.end(json);
    });
    expect(withBody).toBe(200);

    const huge = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${inject("baseUrl")}/api/accounts/me`, { method: "GET", headers: { authorization: `Bearer ${token}`, "transfer-encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on("error", reject);
      for (let i = 0; i < 40; i++) req.write("x".repeat(64 * 1024));
      req.end();
    });
    expect(huge).toBe(413);
  });
});

describe("hostile input", () => {
  const targets: Array<[string, string, boolean]> = [
    ["POST", "/api/accounts/new", false],
    ["POST", "/api/accounts/token", false],
    ["PUT", "/api/accounts/subscription", true],
    ["PUT", "/api/accounts/email", true],
    ["PUT", "/api/accounts/password", true],
    ["DELETE", "/api/accounts/subscription", true],
  ];

  const hostileString = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "grapheme", maxLength: 80 }),
    fc.constantFrom("' OR 1=1 --", "admin'--", "<script>alert(1)</script>", "../../etc/passwd", "\u0000", "%00", "${jndi:ldap://x}", "🎬".repeat(100), "a".repeat(10_000)),
  );
  const hostileValue = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(hostileString, { maxLength: 3 }), fc.dictionary(hostileString, hostileString, { maxKeys: 3 }));
  const hostileBody = fc.oneof(
    fc.record({ username: hostileValue, password: hostileValue, email: hostileValue, subscription: hostileValue }, { requiredKeys: [] }),
    fc.dictionary(hostileString, hostileValue, { maxKeys: 5 }).map((d) => JSON.stringify(d)),
    hostileString,
    fc.json(),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  );

  it("never answers 5xx to a few hundred generated malformed requests", async () => {
    const { token } = await createAccount();
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), hostileBody, fc.boolean(), async ([method, path, needsToken], body, useToken) => {
        const raw = typeof body === "string" ? body : JSON.stringify(body);
        const response = await api(method, path, { raw, token: needsToken && useToken ? token : undefined, ip: randomIp() });
        seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expect(typeof response.body?.error?.code).toBe("string");
      }),
      { numRuns: 400 },
    );
    // The generator reached past validation, not only into 400s.
    expect([...seen.keys()].some((s) => s === 422)).toBe(true);
    expect([...seen.keys()].some((s) => s === 200 || s === 401 || s === 409)).toBe(true);
  });
});

describe("service endpoints", () => {
  it("GET /api/health reports the database", async () => {
    const response = await api("GET", "/api/health");
    expect(response.status).toBe(200);
    expect(response.body.status).toBe("ok");
    expect(response.body.database.kind).toBe(inject("databaseUrl") ? "postgres" : "pglite");
    expect(["idle", "listening"]).toContain(response.body.database.notifications);
  });

  it("GET /api/plans lists the three plans with their limits", async () => {
    const response = await api("GET", "/api/plans");
    expect(response.body.items.map((p: { id: string }) => p.id)).toEqual(["basic", "standard", "premium"]);
    const [basic, standard, premium] = response.body.items;
    expect(basic).toMatchObject({ max_streams: 1, max_quality: "480p", currency: "usd", interval: "month" });
    expect(standard.max_streams).toBe(2);
    expect(premium.max_streams).toBe(4);
    expect(basic.max_profiles).toBeLessThan(premium.max_profiles);
  });

  it("GET /api/openapi.json documents every contract endpoint", async () => {
    const doc = (await api("GET", "/api/openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    for (const [path, method] of [
      ["/api/accounts/new", "post"],
      ["/api/accounts/token", "post"],
      ["/api/accounts/subscription", "put"],
      ["/api/accounts/subscription", "delete"],
      ["/api/accounts/email", "put"],
      ["/api/accounts/password", "put"],
    ]) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    expect(doc.paths["/api/accounts/subscription"].put.requestBody.content["application/json"].schema.properties.subscription.enum).toEqual(["basic", "standard", "premium"]);
    expect(doc.paths["/api/accounts/email"].put.responses["403"]).toBeDefined();
    // Every operation has a unique operationId (client generators name their methods from it).
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item as Record<string, { operationId?: string }>));
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths["/api/profiles/{name}/new"].post.operationId).toBe("createProfile");
    expect(doc.paths["/api/movies"].get.responses["422"].description).toContain("unknown_parameter");
  });
});
