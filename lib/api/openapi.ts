import { z } from "zod";
import type { AnySchema, Endpoint } from "./endpoint";
import { statusOf, type ErrorCode } from "./errors";

// Builds the OpenAPI 3.1 document from the same endpoint definitions that validate requests.

type JsonSchema = { properties?: Record<string, JsonSchema>; required?: string[]; description?: string; [key: string]: unknown };

const toSchema = (schema: AnySchema) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

/**
 * The top-level fields a schema accepts, of every variant of a union: each with its schema (from the first variant
 * naming it) and whether every variant requires it.
 */
function fieldsOf(json: JsonSchema): Map<string, { schema: JsonSchema; required: boolean }> {
  const variants = (["anyOf", "oneOf"] as const).flatMap((key) => (json[key] as JsonSchema[] | undefined) ?? []);
  const fields = new Map<string, { schema: JsonSchema; required: boolean }>();
  for (const [name, property] of Object.entries(json.properties ?? {})) fields.set(name, { schema: property, required: (json.required ?? []).includes(name) });
  const ofVariants = variants.map(fieldsOf);
  for (const variant of ofVariants) {
    for (const [name, field] of variant) {
      if (!fields.has(name)) fields.set(name, { ...field, required: ofVariants.every((other) => other.get(name)?.required) });
    }
  }
  return fields;
}

/** The top-level field names a schema accepts (what a client may send as query parameters). */
export const fieldNamesOf = (schema: AnySchema | undefined): string[] => (schema ? [...fieldsOf(toSchema(schema)).keys()] : []);

function parametersOf(schema: AnySchema | undefined, location: "path" | "query") {
  if (!schema) return [];
  return [...fieldsOf(toSchema(schema))].map(([name, { schema: property, required }]) => ({
    name,
    in: location,
    required: location === "path" || required,
    description: property.description,
    schema: property,
  }));
}

const PROFILE_TOKEN_PARAMETER = {
  name: "X-Profile-Token",
  in: "header",
  required: false,
  description: "Acting as a profile with a PIN: the token from POST /api/profiles/{name}/unlock (else 403 profile_locked).",
  schema: { type: "string" },
};

const SUCCESS = { 200: "OK", 201: "Created", 202: "Accepted" } as const;

function responsesOf(definition: Endpoint) {
  const success = definition.status ?? 200;
  const responses: Record<string, unknown> = {
    [success]: {
      description: SUCCESS[success],
      content: { [definition.contentType ?? "application/json"]: { schema: definition.response ? toSchema(definition.response) : {} } },
    },
  };
  if (definition.publicCache) {
    responses[304] = {
      description: "Not Modified: the If-None-Match header named the answer's current ETag. Anonymous answers are `public` " +
        "(shared caches keep them for `s-maxage` seconds); answers for a caller are `private`.",
    };
  }
  const codes: ErrorCode[] = [...(definition.errors ?? []), "unknown_parameter"];
  if (definition.limit !== "none") codes.push("rate_limited");
  if (definition.body) codes.push("invalid_json", "payload_too_large");
  if (definition.profile) codes.push("profile_not_found", "profile_locked", "kids_profile");
  if (definition.accountHolder || definition.auth === "admin") codes.push("kids_profile");
  for (const code of new Set(codes)) {
    const status = String(statusOf(code));
    const existing = responses[status] as { description: string } | undefined;
    responses[status] = {
      description: existing ? `${existing.description}, ${code}` : code,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return responses;
}

export function buildOpenApiDocument(endpoints: (Endpoint & { operationId: string })[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const definition of endpoints) {
    paths[definition.path] ??= {};
    paths[definition.path][definition.method.toLowerCase()] = {
      operationId: definition.operationId,
      summary: definition.summary,
      description: definition.description,
      tags: [definition.tag],
      security: definition.auth !== "none" ? [{ bearer: [] }] : [],
      parameters: [
        ...parametersOf(definition.params, "path"),
        ...parametersOf(definition.query, "query"),
        // A GET with a body schema takes the same fields as query parameters (lib/api/with-api.ts).
        ...(definition.method === "GET" ? parametersOf(definition.body, "query").filter((p) => !fieldNamesOf(definition.query).includes(p.name)) : []),
        ...(definition.profile ? [PROFILE_TOKEN_PARAMETER] : []),
      ],
      requestBody: definition.body
        ? { required: true, content: { "application/json": { schema: toSchema(definition.body) } } }
        : undefined,
      responses: responsesOf(definition),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "NormFlix API",
      version: "1.0.0",
      description:
        "The NormFlix customer API. Protected endpoints take `Authorization: Bearer <token>` from POST /api/accounts/token; " +
        "a missing or invalid token is answered with 403. Errors share one envelope.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
            },
          },
        },
      },
    },
  };
}
