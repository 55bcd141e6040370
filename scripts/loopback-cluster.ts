// `npm run cluster:loopback`: proves the scale-out deployment on one machine without Docker — two app instances and a
// transcode worker on one fresh PostgreSQL database, behind nginx running deploy/nginx/normflix.conf.template (the
// file compose.yaml uses). Prints PASS/FAIL per property and exits non-zero on any failure. Needs nginx installed.
//   CLUSTER_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run cluster:loopback
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, projectRoot } from "../test/server-process";
import { findNginx } from "./cluster/nginx";
import { startCluster, type Cluster } from "./cluster/start-cluster";
import { checkCatalogCache, checkMedia, checkSessions, uploadAndTranscode } from "./cluster/checks";
import { failed, killUnderLoad, type LoadRequest } from "./cluster/kill-under-load";

const adminUrl = process.env.CLUSTER_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
let failures = 0;

function report(ok: boolean, what: string, detail = ""): boolean {
  if (!ok) failures++;
  console.log(`${ok ? "PASS" : "FAIL"} ${what}${detail ? ` — ${detail}` : ""}`);
  return ok;
}

async function checkKill(cluster: Cluster, token: string, movieId: string) {
  const [victim, survivor] = cluster.apps;
  const victimHost = new URL(victim.url).host;
  const survivorHost = new URL(survivor.url).host;
  const bearer = { authorization: `Bearer ${token}` };
  const json = { ...bearer, "content-type": "application/json" };
  let position = 0;
  const first = { kind: "movie_watch_progress", movie_id: movieId, progress: position };
  await fetch(`${cluster.url}/api/profiles/Main/progress`, { method: "POST", headers: json, body: JSON.stringify(first) });
  // Mostly idempotent reads and progress writes (nginx may resend them), and some sign-ins: POSTs, never resent.
  const next = (loop: number): LoadRequest => {
    if (loop % 4 === 0) return { method: "POST", path: "/api/accounts/token", headers: { "content-type": "application/json" }, body: JSON.stringify(credentials) };
    if (loop % 4 === 1) return { method: "PUT", path: "/api/profiles/Main/progress", headers: json, body: JSON.stringify({ kind: "movie_watch_progress", movie_id: movieId, progress: (position += 0.1) }) };
    if (loop % 4 === 2) return { method: "GET", path: `/api/search?q=test`, headers: bearer };
    return { method: "GET", path: `/api/movies/${movieId}`, headers: bearer };
  };
  // Each request type once on each instance first: a route's first request loads its code, slowly on a busy machine.
  const warmUp = [0, 1, 2, 3].map((loop) => next(loop));
  for (const app of cluster.apps) for (const request of warmUp) await fetch(app.url + request.path, request).then((r) => r.arrayBuffer());
  const result = await killUnderLoad({
    baseUrl: cluster.url,
    loops: 12,
    victim: victim.child,
    beforeMs: 3000,
    afterMs: 4000,
    next,
  });
  const { outcomes, killedAt, exitedAt, inFlightAtKill } = result;
  const before = outcomes.filter((o) => o.finished < killedAt);
  const after = outcomes.filter((o) => o.started > exitedAt);
  const bad = outcomes.filter(failed);
  const describe = (list: typeof outcomes) => [...new Set(list.map((o) => `${o.request.method} ${o.status}`))].join(", ");
  console.log(
    `  ${outcomes.length} requests: ${before.length} finished before the kill, ${outcomes.length - before.length - after.length} in flight across it, ` +
      `${after.length} sent after; ${bad.length} failed (${describe(bad) || "none"}).`,
  );
  for (const o of bad) console.log(`    ${o.request.method} ${o.request.path.slice(0, 40)} → ${o.status || o.error}, sent ${(o.started - killedAt).toFixed(0)} ms and answered ${(o.finished - killedAt).toFixed(0)} ms from the SIGKILL`);
  report(before.some((o) => o.upstream === victimHost) && before.some((o) => o.upstream === survivorHost), "before the kill, nginx spread requests over both instances");
  report(
    bad.every((o) => o.started < exitedAt && o.finished >= killedAt) && bad.length <= inFlightAtKill,
    "only requests in flight when the instance died failed",
    `${bad.length} of ${inFlightAtKill} in flight; ${(exitedAt - killedAt).toFixed(0)} ms from SIGKILL to seeing the exit`,
  );
  const onlyPosts = report(bad.every((o) => o.request.method === "POST"), "only non-idempotent requests (POST) failed: nginx resent the idempotent ones to the other instance");
  if (!onlyPosts) console.log(`  nginx's error log:\n${cluster.nginx.errorLog().trim().split("\n").slice(-10).join("\n")}`);
  report(after.length > 0 && after.every((o) => !failed(o) && o.status < 400 && o.upstream === survivorHost), "every request sent after the kill succeeded, on the surviving instance", `${after.length} requests`);
}

const credentials = { username: `admin_${process.pid}`, password: "correct horse battery staple" };

async function main() {
  try {
    const nginx = findNginx();
    report(true, "nginx is installed", nginx);
  } catch (error) {
    report(false, "nginx is installed", (error as Error).message);
    process.exit(1);
  }
  const build = spawnSync("npx", ["tsx", "scripts/ensure-build.ts"], { cwd: projectRoot, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the production build failed");

  const database = await createTestDatabase(adminUrl);
  let cluster: Cluster | undefined;
  const started = Date.now();
  try {
    cluster = await startCluster({ databaseUrl: database.url, instances: 2, worker: true, label: "loopback", env: { RATE_LIMIT_MULTIPLIER: "50", TRANSCODE_PRESET: "ultrafast" } });
    console.log(`Cluster up in ${((Date.now() - started) / 1000).toFixed(1)} s: nginx ${cluster.url} → ${cluster.apps.map((a) => a.url).join(", ")}, worker pid ${cluster.worker?.child.pid}, database ${new URL(database.url).pathname.slice(1)}`);

    const token = await checkSessions(cluster, credentials, report);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-loopback-"));
    try {
      const movieId = await uploadAndTranscode(cluster, token, work, report);
      if (movieId) {
        await checkMedia(cluster, token, movieId, report);
        await checkKill(cluster, token, movieId);
        await checkCatalogCache(cluster, movieId, report);
      } else {
        report(false, "media and failover checks", "skipped: no playable movie");
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  } catch (error) {
    report(false, "the cluster ran", (error as Error).stack ?? String(error));
    console.error(cluster?.worker?.output().slice(-1500));
    for (const app of cluster?.apps ?? []) console.error(app.output().slice(-1500));
  } finally {
    await cluster?.stop();
    await database.drop();
  }
  console.log(`${failures === 0 ? "All checks passed" : `${failures} check(s) FAILED`} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  process.exit(failures === 0 ? 0 : 1);
}

await main();
