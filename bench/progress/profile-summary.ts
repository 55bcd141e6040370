// Where a CPU profile's time went, by who runs it: Next.js, NormFlix's own code (found through the build's source
// maps), postgres.js, zod, Node's HTTP and web streams, garbage collection… Self time only, so the shares add up.
import fs from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } };
type Profile = { nodes: ProfileNode[]; samples: number[] };

const maps = new Map<string, SourceMap | undefined>();

function sourceMapOf(url: string): SourceMap | undefined {
  if (!url.includes("/.next/")) return undefined;
  if (!maps.has(url)) {
    try {
      const file = url.startsWith("file:") ? fileURLToPath(url) : url;
      maps.set(url, new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8"))));
    } catch {
      maps.set(url, undefined);
    }
  }
  return maps.get(url);
}

/** The original file a sampled frame belongs to (through the bundle's source map when it has one). */
function originOf(frame: ProfileNode["callFrame"]): string {
  const entry = sourceMapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  const source = entry && "originalSource" in entry ? entry.originalSource : undefined;
  return source ?? frame.url;
}

const categories: [string, (origin: string, name: string) => boolean][] = [
  ["garbage collection", (_, name) => name === "(garbage collector)"],
  ["NormFlix code (app/, lib/, db/, server.ts)", (origin) => !origin.includes("node_modules") && /(^|\/)(app|lib|db)\/|\/server\.ts$/.test(origin)],
  ["Next.js", (origin) => origin.includes("node_modules/next/")],
  ["postgres.js", (origin) => origin.includes("node_modules/postgres/")],
  ["zod", (origin) => origin.includes("node_modules/zod/")],
  ["drizzle-orm", (origin) => origin.includes("node_modules/drizzle-orm/")],
  ["web streams, Request/Response (undici)", (origin) => /^node:internal\/(webstreams|deps\/undici|worker\/js_transferable)/.test(origin)],
  ["Node HTTP, sockets and streams", (origin) => /^node:(_http|net|internal\/(streams|stream_base_commons|http))/.test(origin)],
  ["async hooks, promises, timers", (origin) => /^node:(async_hooks|internal\/(async_hooks|process|timers|abort_controller|event_target|events))/.test(origin)],
  ["socket writes and other native code", (origin, name) => origin === "" && !/^\((program|idle)\)$/.test(name)],
];

/** Shares of the busy samples (idle excluded) by category, largest first. */
export function summarizeProfile(file: string): { category: string; share: number }[] {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map<string, number>();
  let busy = 0;
  for (const id of profile.samples) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") continue;
    busy++;
    const origin = originOf(frame);
    const category = categories.find(([, test]) => test(origin, frame.functionName))?.[0] ?? "other (V8, Node internals)";
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return [...counts].map(([category, n]) => ({ category, share: n / Math.max(1, busy) })).sort((a, b) => b.share - a.share);
}
