// Database statements per public catalog request, with the catalog cache cold (the first read after a change) and
// warm (the next one), from the server's own query trace (TRACE_QUERIES=true, db/query-trace.ts), on PostgreSQL.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx --import ./scripts/register-hooks.mjs bench/catalog/statements.ts
import http from "node:http";
import { createTestDatabase, startServer, tempDataDir } from "../../test/server-process";
import { send } from "../load";

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const database = await createTestDatabase(adminUrl);
const server = await startServer({ DATA_DIR: tempDataDir("bench-statements"), DATABASE_URL: database.url, DEMO_CATALOG: "metadata", TRACE_QUERIES: "true" });
try {
  while (!/Demo catalog: \d+ titles/.test(server.output())) await sleep(200);
  const base = new URL(server.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = async (path: string) => JSON.parse((await send(base, agent, "GET", path, {})).body);
  const movie = (await get("/api/movies?limit=1")).items[0].id;
  const show = (await get("/api/shows?limit=1")).items[0].id;
  const paths = [
    "/api/movies?limit=20&sort=title",
    `/api/movies/${movie}`,
    "/api/shows?limit=20&sort=title",
    `/api/shows/${show}`,
    `/api/shows/${show}/seasons/1/episodes/1`,
    "/api/genres",
    "/api/browse/trending",
    "/api/browse/new",
    "/api/search?q=dustwalk",
  ];
  const lastTrace = async () => {
    await sleep(100);
    const lines = server.output().split("\n").filter((line) => line.startsWith("query trace:"));
    return lines.at(-1)?.replace(/^query trace: /, "") ?? "(no trace)";
  };
  console.log("| request | cold cache | warm cache |\n| --- | --- | --- |");
  for (const path of paths) {
    await send(base, agent, "GET", path, {});
    const cold = await lastTrace();
    await send(base, agent, "GET", path, {});
    const warm = await lastTrace();
    const count = (trace: string) => /— (\d+ statements.*)$/.exec(trace)?.[1] ?? trace;
    console.log(`| GET ${path.replace(movie, "{id}").replace(show, "{id}")} | ${count(cold)} | ${count(warm)} |`);
  }
  agent.destroy();
} finally {
  await server.stop();
  await database.drop();
}
