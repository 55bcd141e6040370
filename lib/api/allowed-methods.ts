// The methods an API path accepts, from the endpoint registry. Next answers a method that a route module does not
// export with an empty 405; server.ts answers it first, in the error envelope and with the `Allow` header.
import { endpoints } from "@/app/api/endpoints";

type Route = { segments: string[]; methods: Set<string> };

const isParameter = (segment: string) => segment.startsWith("{");

function buildRoutes(): Route[] {
  const byPath = new Map<string, Route>();
  for (const { path, method } of endpoints) {
    const route = byPath.get(path) ?? { segments: path.split("/").slice(1), methods: new Set() };
    route.methods.add(method);
    byPath.set(path, route);
  }
  // Next prefers a literal segment to a parameter, position by position: /jobs/events before /jobs/{job_id}.
  const specificity = (route: Route) => route.segments.map((s) => (isParameter(s) ? "1" : "0")).join("");
  return [...byPath.values()].sort((a, b) => specificity(a).localeCompare(specificity(b)));
}

const routes = buildRoutes();

const matches = (route: Route, segments: string[]) =>
  route.segments.length === segments.length &&
  route.segments.every((s, i) => (isParameter(s) ? segments[i] !== "" : s === segments[i]));

/**
 * The `Allow` list of the documented route Next would pick for a request URL (HEAD with GET, and OPTIONS, which
 * Next implements itself), or undefined for a path no documented route serves. The URL's path must decode.
 */
export function allowedMethods(url: string): string[] | undefined {
  // Routed as Next does: dot segments resolved, then each segment decoded (so %2F stays inside its segment).
  const segments = new URL(url, "http://localhost").pathname.split("/").slice(1).map(decodeURIComponent);
  const route = routes.find((candidate) => matches(candidate, segments));
  if (!route) return undefined;
  const allowed = new Set([...route.methods, "OPTIONS"]);
  if (allowed.has("GET")) allowed.add("HEAD");
  return [...allowed].sort();
}
