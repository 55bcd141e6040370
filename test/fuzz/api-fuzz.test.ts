import http from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, startServer, type ServerHandle } from "@/test/server-process";
import { checksumTables } from "./db-checksum";
import { hostileRequest, isUnsafe, operationsOf, type HostileRequest, type Operation } from "./hostile";

// Hostile requests for every operation of the published OpenAPI document, with a viewer's token, an admin's, a bad
// one and none: no 5xx, every API error in the envelope, and the database unchanged (every unsafe request the
// generator sends is invalid, so all of them must be refused). The server's log must hold no stack trace, secret,
// password or token.

// The full count on PostgreSQL; a quarter on PGlite, the same PostgreSQL engine behind the same input handling, which
// keeps the whole test run within its time.
const TOTAL_REQUESTS = process.env.TEST_DATABASE_URL ? 10_000 : 2_500;
const CONCURRENCY = 8;
/** A request still unanswered after this is reported as a failure (status 0), not left to stall the run. */
const REQUEST_TIMEOUT_MS = 30_000;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const AUTH_SECRET = "fuzz-auth-secret-0123456789abcdefghijklmnop";
const MEDIA_SIGNING_SECRET = "fuzz-media-secret-0123456789abcdefghijklmn";
const PASSWORD = "fuzz password 7f3e9c1a";

let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let server: ServerHandle;
let firstOutput = "";
const tokens = { viewer: "", admin: "" };
let operations: Operation[] = [];
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

const serverEnv = () => ({
  DATA_DIR: process.env.DATA_DIR!,
  DATABASE_URL: database?.url ?? "",
  // Far above what the fuzzer sends, so rate limits do not stand in front of the code under test.
  RATE_LIMIT_MULTIPLIER: "1000",
  TRUST_PROXY: "true",
  DEMO_CATALOG: "metadata",
  AUTH_SECRET,
  MEDIA_SIGNING_SECRET,
});

async function signUp(base: string, username: string): Promise<string> {
  const post = (path: string, body: unknown) =>
    fetch(base + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const created = await post("/api/accounts/new", { username, password: PASSWORD, email: `${username}@example.com` });
  if (!created.ok) throw new Error(`sign-up failed: ${created.status} ${await created.text()}`);
  const signedIn = await post("/api/accounts/token", { username, password: PASSWORD });
  const token = ((await signedIn.json()) as { bearer_token: string }).bearer_token;
  // The one profile an account without a plan may have: creating another (any generated name is a valid one) is
  // refused, so an unsafe request the fuzzer sends can never succeed.
  const profile = await fetch(`${base}/api/profiles/main/new`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  if (!profile.ok) throw new Error(`profile creation failed: ${profile.status} ${await profile.text()}`);
  return token;
}

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase(process.env.TEST_DATABASE_URL);
    process.env.DATABASE_URL = database.url;
  }
  // First start: the demo catalog, an admin (the first account) and a viewer; then stopped to read the checksum.
  server = await startServer(serverEnv());
  tokens.admin = await signUp(server.url, "fuzz_admin");
  tokens.viewer = await signUp(server.url, "fuzz_viewer");
  operations = operationsOf(await (await fetch(`${server.url}/api/openapi.json`)).json());
  for (let i = 0; !/Demo catalog: .* ready to browse/.test(server.output()); i++) {
    if (i > 240) throw new Error(`the demo catalog was not seeded:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  firstOutput = server.output();
}, 180_000);

afterAll(async () => {
  if (server?.child.exitCode === null) await server.stop();
  await database?.drop();
});

/** Sent with node:http: fetch refuses GET bodies, which server.ts accepts (and the fuzzer must try). */
function send(request: HostileRequest, base: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { "x-forwarded-for": "10.77.0.1" };
  if (request.auth === "viewer" || request.auth === "admin") headers.authorization = `Bearer ${tokens[request.auth]}`;
  if (request.badAuthorization) headers.authorization = request.badAuthorization;
  const body = request.raw === undefined ? undefined : Buffer.from(request.raw, "utf8");
  if (body) Object.assign(headers, { "content-type": "application/json", "content-length": String(body.length) });
  return new Promise((resolve, reject) => {
    const req = http.request(base + request.url, { method: request.method, headers, agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      // An event stream (the admin jobs feed) stays open by design: its status and headers are the answer.
      if (String(res.headers["content-type"]).startsWith("text/event-stream")) {
        res.destroy();
        return resolve({ status: res.statusCode!, text: "" });
      }
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on("error", reject);
    req.end(body);
  });
}

const isEnvelope = (text: string) => {
  try {
    const body = JSON.parse(text);
    return typeof body?.error?.code === "string" && typeof body?.error?.message === "string";
  } catch {
    return false;
  }
};

describe("API fuzzing", () => {
  it(`answers ${TOTAL_REQUESTS} hostile requests without a 5xx and leaves the database unchanged (seed ${SEED})`, async () => {
    expect(operations.length).toBeGreaterThan(40);
    const before = await checksumTables();
    server = await startServer(serverEnv());

    const perOperation = Math.ceil(TOTAL_REQUESTS / operations.length);
    const requests = operations.flatMap((operation, index) => fc.sample(hostileRequest(operation), { numRuns: perOperation, seed: SEED + index }));
    const statuses = new Map<number, number>();
    // One example per operation and kind of failure.
    const problems = new Map<string, string>();
    const report = (kind: string, request: HostileRequest, detail: string) => {
      const key = `${kind} ${request.operation}`;
      if (!problems.has(key)) problems.set(key, `${key}: ${describeRequest(request)} → ${detail.slice(0, 300)}`);
    };
    let next = 0;
    const describeRequest = (r: HostileRequest) => `${r.method} ${r.url.slice(0, 200)} [${r.auth}] ${String(r.raw).slice(0, 200)}`;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const request = requests[next++];
          const reply = await send(request, server.url).catch((error: Error) => ({ status: 0, text: `${error.name}: ${error.message}` }));
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          if (reply.status === 0 || reply.status >= 500) report(String(reply.status), request, reply.text);
          // Node refuses oversized headers itself (431) before NormFlix sees them; HEAD answers have no body.
          else if (reply.status >= 400 && reply.status !== 431 && request.method !== "HEAD" && !isEnvelope(reply.text)) report(`no envelope ${reply.status}`, request, reply.text);
          // 3xx: Next's redirect of a path with an empty segment (…/users//role) to its canonical form.
          else if (reply.status < 300 && isUnsafe(request.method)) report(`accepted ${reply.status}`, request, reply.text);
        }
      }),
    );
    await server.stop();
    agent.destroy();
    console.log(`fuzz (seed ${SEED}): ${requests.length} requests over ${operations.length} operations:`, Object.fromEntries(statuses));

    expect(requests.length).toBeGreaterThanOrEqual(TOTAL_REQUESTS);
    expect([...problems.values()]).toEqual([]);
    // The generator got past authentication and validation too, not only into 403s and 422s.
    expect([...statuses.keys()].filter((status) => status >= 200 && status < 300).length).toBeGreaterThan(0);
    expect(statuses.get(404) ?? 0).toBeGreaterThan(0);
    expect(await checksumTables()).toEqual(before);
  }, 600_000);

  it("logged no stack trace, secret, password or token while being fuzzed", () => {
    const log = firstOutput + server.output();
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [AUTH_SECRET, MEDIA_SIGNING_SECRET, PASSWORD, tokens.admin, tokens.viewer]) {
      expect(log.includes(secret), `a secret in the log: ${secret.slice(0, 6)}…`).toBe(false);
    }
    expect(log).not.toMatch(/^\s{4}at /m);
    expect(log).not.toMatch(/nf_[A-Za-z0-9_-]{16,}/);
    expect(log).not.toMatch(/bearer\s+\S{16,}/i);
  });
});
