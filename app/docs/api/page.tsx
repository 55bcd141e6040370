import type { Metadata } from "next";
import { endpoints } from "@/app/api/endpoints";
import { TryEndpoint } from "@/components/api-docs/try-endpoint";
import type { Endpoint } from "@/lib/api/endpoint";
import { statusOf } from "@/lib/api/errors";
import { z } from "zod";

export const metadata: Metadata = { title: "API reference" };

const methodColours: Record<string, string> = {
  GET: "bg-sky-700",
  POST: "bg-emerald-700",
  PUT: "bg-amber-700",
  PATCH: "bg-violet-700",
  DELETE: "bg-red-800",
  HEAD: "bg-slate-600",
  OPTIONS: "bg-slate-600",
};

const jsonSchema = (schema: z.ZodType) => JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), null, 2);

/** An example body built from the schema's property names, for the try-it form. */
function exampleBody(endpoint: Endpoint): string {
  if (!endpoint.body) return "";
  const schema = z.toJSONSchema(endpoint.body, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, { enum?: unknown[]; type?: string }> };
  const example = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => [name, property.enum?.[0] ?? (property.type === "number" ? 0 : "")]),
  );
  return JSON.stringify(example, null, 2);
}

function EndpointCard({ endpoint }: { endpoint: Endpoint }) {
  const pathParams = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const errors = [...new Set((endpoint.errors ?? []).map((code) => `${statusOf(code)} ${code}`))];
  return (
    <details className="rounded-lg bg-surface-raised ring-1 ring-white/10 open:ring-white/25">
      <summary className="flex cursor-pointer flex-wrap items-center gap-3 p-4">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold ${methodColours[endpoint.method]}`}>{endpoint.method}</span>
        <code className="font-mono text-sm">{endpoint.path}</code>
        <span className="text-sm text-muted">{endpoint.summary}</span>
        {endpoint.auth !== "none" && (
          <span className="ml-auto text-xs text-amber-300">{endpoint.auth === "admin" ? "admin token" : "bearer token"}</span>
        )}
      </summary>
      <div className="space-y-4 border-t border-white/10 p-4 text-sm">
        {endpoint.description && <p>{endpoint.description}</p>}
        {endpoint.query && (
          <section>
            <h4 className="font-semibold">Query parameters</h4>
            <pre className="mt-1 overflow-auto rounded bg-black/40 p-2 text-xs">{jsonSchema(endpoint.query)}</pre>
          </section>
        )}
        {endpoint.body && (
          <section>
            <h4 className="font-semibold">Request body</h4>
            <pre className="mt-1 overflow-auto rounded bg-black/40 p-2 text-xs">{jsonSchema(endpoint.body)}</pre>
          </section>
        )}
        {endpoint.response && (
          <section>
            <h4 className="font-semibold">200 response</h4>
            <pre className="mt-1 max-h-72 overflow-auto rounded bg-black/40 p-2 text-xs">{jsonSchema(endpoint.response)}</pre>
          </section>
        )}
        {errors.length > 0 && (
          <p>
            <span className="font-semibold">Errors: </span>
            {errors.join(" · ")}
          </p>
        )}
        <TryEndpoint
          method={endpoint.method}
          path={endpoint.path}
          pathParams={pathParams}
          hasBody={Boolean(endpoint.body)}
          exampleBody={exampleBody(endpoint)}
          needsToken={endpoint.auth !== "none"}
        />
      </div>
    </details>
  );
}

export default function ApiDocsPage() {
  const tags = [...new Set(endpoints.map((e) => e.tag))];
  return (
    <main className="mx-auto max-w-5xl px-6 py-12">
      <p className="text-2xl font-black tracking-tight text-brand">
        <a href="/">NORMFLIX</a>
      </p>
      <h1 className="mt-8 text-3xl font-bold">API reference</h1>
      <p className="mt-3 max-w-3xl text-muted">
        JSON over HTTP under <code>/api</code>. Get a token from <code>POST /api/accounts/token</code> and send it as{" "}
        <code>Authorization: Bearer …</code>; a missing or invalid token is answered with 403. Errors share one shape:{" "}
        <code>{'{ "error": { "code", "message", "details"? } }'}</code>. Lists take <code>limit</code> (1–100) and{" "}
        <code>offset</code>. The machine-readable document is <a className="underline" href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
      </p>
      {tags.map((tag) => (
        <section key={tag} className="mt-10" aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`} className="mb-4 text-xl font-semibold">
            {tag}
          </h2>
          <div className="space-y-3">
            {endpoints
              .filter((e) => e.tag === tag)
              .map((endpoint) => (
                <EndpointCard key={`${endpoint.method} ${endpoint.path}`} endpoint={endpoint} />
              ))}
          </div>
        </section>
      ))}
    </main>
  );
}
