import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { endpoints } from "@/app/api/endpoints";
import { allowedMethods } from "./allowed-methods";

// Route files that are not in the registry: the catch-all 404, and two undocumented probes, which accept GET only
// (server.ts leaves their other methods to Next's bare 405).
const UNREGISTERED = ["/api/[...path]", "/api/openapi.json", "/api/ping"];

/** Every app/api route file as a registry path ("/api/movies/{movie_id}") with the methods it exports. */
function routeFiles(): Map<string, string[]> {
  const files = fs
    .readdirSync("app/api", { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => path.join("app/api", file));
  return new Map(
    files.map((file) => {
      const route = "/" + path.dirname(file).replace(/^app\//, "");
      const source = fs.readFileSync(file, "utf8");
      const methods = [...source.matchAll(/^export (?:const|function|async function) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm)];
      return [route.replace(/\[(\w+)\]/g, "{$1}"), methods.map((m) => m[1]).sort()];
    }),
  );
}

describe("allowed methods", () => {
  it("match the methods every route file exports, so the registry answers for Next's router", () => {
    const registered = new Map<string, string[]>();
    for (const { path: p, method } of endpoints) registered.set(p, [...(registered.get(p) ?? []), method].sort());
    const files = routeFiles();
    for (const route of UNREGISTERED) files.delete(route.replace(/\[(\w+)\]/g, "{$1}"));
    expect(Object.fromEntries(files)).toEqual(Object.fromEntries(registered));
  });

  it("pick a literal segment over a parameter, as Next does", () => {
    expect(allowedMethods("/api/admin/jobs/events")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/api/admin/jobs/1234")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/api/admin/jobs/1234/cancel")).toEqual(["OPTIONS", "POST"]);
    expect(allowedMethods("/api/profiles/Kids")).toEqual(["DELETE", "OPTIONS", "PATCH"]);
  });

  it("resolve dot segments and decode each segment on its own", () => {
    expect(allowedMethods("/api/admin/titles/./published")).toEqual(allowedMethods("/api/admin/titles/published"));
    expect(allowedMethods("/api/admin/titles/x/../1/published")).toEqual(["OPTIONS", "PUT"]);
    expect(allowedMethods("/api/profiles/a%2Fb?x=1")).toEqual(allowedMethods("/api/profiles/Kids"));
  });

  it("leave paths no documented route serves to Next", () => {
    for (const url of ["/api/ping", "/api/nothing", "/api/movies/", "/api/movies//stream", "/api/admin/jobs/1/cancel/x"]) {
      expect(allowedMethods(url), url).toBeUndefined();
    }
  });
});
