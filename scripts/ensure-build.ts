// Runs `next build` when there is no production build, or when a source file is newer than it.
// Used by `npm start` and `npm test`, so a fresh clone needs no separate build step.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "components", "lib", "db", "public", "i18n", "messages", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package.json", "tsconfig.json"];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

const built = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(...sources.map((entry) => newestMtime(path.join(root, entry))));

if (built < changed) {
  console.log(built ? "Sources changed since the last build: rebuilding." : "No production build yet: building.");
  const result = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  process.exit(result.status ?? 1);
}
