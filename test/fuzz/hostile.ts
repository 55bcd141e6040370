// fast-check generators of hostile API requests, driven by the OpenAPI document the server publishes.
import fc from "fast-check";

export type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; enum?: unknown[]; [key: string]: unknown };
type Parameter = { name: string; in: "path" | "query"; schema: JsonSchema };
export type Operation = { method: string; path: string; parameters: Parameter[]; body?: JsonSchema; secured: boolean };

export type Auth = "viewer" | "admin" | "bad" | "none";
export type HostileRequest = { operation: string; method: string; url: string; auth: Auth; badAuthorization?: string; raw?: string; invalidBody: boolean };

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const isUnsafe = (method: string) => UNSAFE.has(method);

/** Every operation of an OpenAPI 3.1 document, as the server publishes it. */
export function operationsOf(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content?.["application/json"]?.schema,
      secured: (op.security ?? []).length > 0,
    })),
  );
}

const INJECTIONS = [
  "' OR 1=1 --", "'; drop table accounts; --", "\" OR \"\"=\"", "admin'--", "1; select pg_sleep(0)", "$1", "%s%s%s%n",
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x/a}",
  "../../../../etc/passwd", "..%2f..%2f", "%00", "\u0000", "a\u0000b", "\r\nX-Injected: 1", "\\", "\\u0000",
  "🎬".repeat(50), "\u202e\u0301\u200b", "\ud800", "Z̸̢͎̈ͅ", "ß".repeat(300), "-1", "NaN", "Infinity", "1e309", "0x10",
  "null", "undefined", "true", "[]", "{}", "__proto__", "constructor", " ", "",
];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 70_000 }).map((n) => "x".repeat(n)) },
  { weight: 1, arbitrary: fc.uuid() },
);

const hugeNumber = fc.constantFrom(2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, 5e-324, 2_147_483_648, -1, 0, 0.5);
// Deep enough to hurt a recursive parser or validator, shallow enough for JSON.stringify to write it out.
const deepNesting = fc.integer({ min: 50, max: 400 }).map((depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)));
// Far deeper, written as text: a top-level array, so never a valid body.
const deepText = fc.integer({ min: 1_000, max: 50_000 }).map((depth) => "[".repeat(depth) + '{"a":1}' + "]".repeat(depth));

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  hugeNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 4 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 4 }),
  deepNesting,
);

/** A value of another JSON type than the property declares (so validation must refuse it). */
function wrongTypeFor(schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const type = Array.isArray(schema.type) ? undefined : schema.type;
  if (type === "string") return fc.oneof(fc.integer(), fc.boolean(), fc.array(hostileString, { maxLength: 2 }), fc.dictionary(hostileString, hostileString, { maxKeys: 2 }));
  if (type === "integer" || type === "number") return fc.oneof(hostileString.filter((s) => s.trim() === "" || Number.isNaN(Number(s))), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }));
  if (type === "boolean") return fc.oneof(hostileString, fc.integer({ min: 2 }), fc.array(fc.boolean(), { maxLength: 2 }));
  if (type === "object" || type === "array") return fc.oneof(fc.integer(), hostileString, fc.boolean());
  return undefined;
}

const objectWith = (schema: JsonSchema) =>
  fc.record(Object.fromEntries(Object.keys(schema.properties ?? {}).map((name) => [name, hostileValue])), { requiredKeys: [] });

/**
 * Bodies the schema must refuse: not JSON, not an object, a required field missing, or a declared field of the wrong
 * type (the rest of the object hostile too). Used for unsafe requests, so a fuzz run changes nothing.
 */
export function invalidBody(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const broken: fc.Arbitrary<string>[] = [
    fc.constantFrom("{", "{'a':1}", '{"a":}', "\u0000", "nul", '{"a":1}}', "[".repeat(100_000)),
    deepText,
    fc.oneof(fc.array(hostileValue, { maxLength: 3 }), hostileString, fc.integer(), fc.constant(null)).map((v) => JSON.stringify(v)),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString("latin1")).filter((text) => text.trim() !== "" && !isObjectJson(text)),
  ];
  const required = schema?.required ?? [];
  if (required.length > 0) {
    broken.push(fc.tuple(objectWith(schema!), fc.constantFrom(...required)).map(([body, missing]) => JSON.stringify(omit(body, missing))));
  }
  const typed = Object.entries(schema?.properties ?? {}).flatMap(([name, property]) => {
    const wrong = wrongTypeFor(property);
    return wrong ? [fc.tuple(objectWith(schema!), wrong).map(([body, value]) => JSON.stringify({ ...body, [name]: value }))] : [];
  });
  broken.push(...typed);
  return fc.oneof(...broken);
}

/** Any body at all, valid or not: for requests that cannot change anything (bad or no token on a secured endpoint). */
export function anyBody(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  return fc.oneof(invalidBody(schema), objectWith(schema ?? {}).map((body) => JSON.stringify(body)), fc.json());
}

function isObjectJson(text: string): boolean {
  try {
    const value = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function omit(body: Record<string, unknown>, name: string) {
  const { [name]: _dropped, ...rest } = body;
  return rest;
}

// Short enough that a request line stays under Node's 16 KiB header limit (beyond it Node answers 431 and resets).
const paramValue = fc.oneof(hostileString.map((text) => text.slice(0, 1_500)), fc.uuid(), fc.integer().map(String), fc.constant("1"));
// Lone surrogates cannot be percent-encoded: they travel as U+FFFD, as a browser would send them.
const wellFormed = (value: string) => Buffer.from(value, "utf8").toString("utf8");
// Path segments sent as they are: broken percent-encoding and encoded traversal.
const pathSegment = fc.oneof(
  { weight: 9, arbitrary: paramValue.map((value) => encodeURIComponent(wellFormed(value))) },
  { weight: 1, arbitrary: fc.constantFrom("%", "%ZZ", "%E0%A4%A", "%c0%af", "..%2F..%2Fetc", "%2e%2e", "%00", "a%20b") },
);

function urlOf(operation: Operation, params: Record<string, string>, query: [string, string][]): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
  // Under Node's 16 KiB header limit with the other headers: drop parameters until it fits.
  const kept = [...query];
  let search = new URLSearchParams(kept).toString();
  while (path.length + search.length > 10_000 && kept.length > 0) {
    kept.pop();
    search = new URLSearchParams(kept).toString();
  }
  return search ? `${path}?${search}` : path;
}

const badAuthorization = fc.oneof(
  fc.constantFrom("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer nf_", "Bearer nf_' OR 1=1 --", "bearer null", "Bearer a b"),
  fc.stringMatching(/^[A-Za-z0-9_-]{0,200}$/).map((token) => `Bearer nf_${token}`),
  fc.integer({ min: 129, max: 6_000 }).map((n) => `Bearer nf_${"A".repeat(n)}`),
);

/**
 * A hostile request for `operation`. Unsafe methods that a valid token could carry out always get an invalid body or
 * path, so they must be refused; safe methods and unauthenticated callers of secured endpoints get anything.
 */
export function hostileRequest(operation: Operation): fc.Arbitrary<HostileRequest> {
  const pathNames = operation.parameters.filter((p) => p.in === "path").map((p) => p.name);
  const queryNames = operation.parameters.filter((p) => p.in === "query").map((p) => p.name);
  const unsafe = isUnsafe(operation.method);
  const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...queryNames, "extra", "__proto__"), paramValue), paramValue).map(([name, value]) => [wellFormed(name), wellFormed(value)] as [string, string]), { maxLength: 4 });
  const params = fc.record(Object.fromEntries(pathNames.map((name) => [name, pathSegment])));
  // A secured unsafe endpoint with neither body nor path to break (e.g. sign-out) is only sent refused credentials;
  // one with a path only gets ids that exist nowhere (random or malformed).
  const canBreak = !unsafe || operation.body !== undefined || pathNames.length > 0;
  const auths: Auth[] = operation.secured && !canBreak ? ["bad", "none"] : ["viewer", "admin", "bad", "none"];
  return fc.record({ auth: fc.constantFrom(...auths), params, query, bad: badAuthorization, extra: fc.boolean() }).chain(({ auth, params, query, bad }) => {
    const refused = operation.secured && (auth === "bad" || auth === "none");
    const body = !operation.body ? fc.constant(undefined) : unsafe && !refused ? invalidBody(operation.body) : anyBody(operation.body);
    // GETs without a declared body may still carry one (server.ts hands it on): send junk sometimes.
    const stray = fc.option(fc.json(), { freq: 5 });
    return fc.tuple(body, stray).map(([raw, strayBody]) => ({
      operation: `${operation.method} ${operation.path}`,
      method: operation.method,
      url: urlOf(operation, params, query),
      auth,
      badAuthorization: auth === "bad" ? bad : undefined,
      raw: raw ?? (operation.method === "GET" || refused ? (strayBody ?? undefined) : undefined),
      invalidBody: raw !== undefined && unsafe && !refused,
    }));
  });
}
