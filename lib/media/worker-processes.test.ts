// `npm run worker` processes sharing one PostgreSQL database: no job runs twice, a dead worker's job is retried.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Worker processes take any queued job in their database, so this file gets a database of its own rather than the
// run's shared one (where other test files' in-process workers queue jobs with a different MEDIA_DIR).
const privateDatabase = await vi.hoisted(async () => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!process.env.DATABASE_URL || !adminUrl) return undefined;
  const { createTestDatabase } = await import("@/test/server-process");
  const database = await createTestDatabase(adminUrl);
  process.env.DATABASE_URL = database.url;
  return database;
});

const { listJobs, createAssetFromFile, getJob } = await import("./assets");
const { makeTestVideo } = await import("./test-video");
const { mediaDir } = await import("@/lib/env");
const { projectRoot } = await import("@/test/server-process");
const { closeDatabase, openDatabase } = await import("@/db/client");
const { findAsset } = await import("@/db/queries/media");

type WorkerProcess = { child: ChildProcess; output: () => string; exited: Promise<number | null> };
const children: WorkerProcess[] = [];

/** Runs the package.json "worker" script's command, as `npm run worker` does. */
function spawnWorker(env: Record<string, string>): WorkerProcess {
  const script = (JSON.parse(fs.readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.worker;
  const [command, ...args] = script.split(" ");
  expect(command).toBe("node");
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, DATA_DIR: process.env.DATA_DIR!, MEDIA_DIR: mediaDir, WORKER_CONCURRENCY: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const worker = { child, output: () => output, exited: new Promise<number | null>((resolve) => child.once("exit", resolve)) };
  children.push(worker);
  return worker;
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${children.map((c) => c.output()).join("\n---\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

afterAll(async () => {
  for (const { child } of children) if (child.exitCode === null) child.kill("SIGKILL");
  await Promise.all(children.map((c) => c.exited));
});

it("npm run worker refuses to run on the embedded database, with a clear message", async () => {
  const worker = spawnWorker({ DATABASE_URL: "" });
  expect(await worker.exited).toBe(1);
  expect(worker.output()).toContain("npm run worker needs PostgreSQL (set DATABASE_URL)");
});

describe.runIf(privateDatabase)("worker processes on PostgreSQL", { timeout: 120_000 }, () => {
  beforeAll(() => openDatabase());
  afterAll(async () => {
    await closeDatabase();
    await privateDatabase?.drop();
  });
  const pg = { DATABASE_URL: process.env.DATABASE_URL!, JOB_HEARTBEAT_TIMEOUT_SECONDS: "10" };
  const started = (w: WorkerProcess) => w.output().includes("NormFlix worker ready");

  it("two workers share many jobs; each job runs exactly once", async () => {
    const workers = [spawnWorker(pg), spawnWorker(pg)];
    await until("the workers to start", () => workers.every(started));
    const source = await makeTestVideo(path.join(process.env.DATA_DIR!, "clip.mp4"), { width: 320, height: 180, seconds: 3 });
    const created = [];
    for (let i = 0; i < 8; i++) created.push(await createAssetFromFile(source));

    const jobs = await until("every job to end", async () => {
      const all = await listJobs();
      return all.every((job) => ["ready", "failed"].includes(job.stage)) ? all : undefined;
    });
    expect(jobs.map((job) => [job.stage, job.attempts])).toEqual(created.map(() => ["ready", 1]));
    const log = workers.map((w) => w.output());
    for (const { jobId } of created) {
      const id = jobId.slice(0, 8);
      const count = (pattern: RegExp) => log.join("\n").match(new RegExp(`transcode ${id}: ${pattern.source}`, "g"))?.length ?? 0;
      expect([count(/started/), count(/ready in/)]).toEqual([1, 1]);
    }
    for (const output of log) expect(output).toMatch(/: ready in /); // both took part

    for (const { child } of workers) child.kill("SIGTERM");
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
    for (const output of log) expect(output).not.toMatch(/could not|error/i);
  });

  it("a worker killed mid-encode: its job goes back to the queue and another worker finishes it", async () => {
    const workers = [spawnWorker(pg), spawnWorker(pg)];
    await until("the workers to start", () => workers.every(started));
    const source = await makeTestVideo(path.join(process.env.DATA_DIR!, "long.mp4"), { width: 854, height: 480, seconds: 60 });
    const { assetId, jobId } = await createAssetFromFile(source);

    const running = await until("the encode to get going", async () => {
      const job = await getJob(jobId);
      return job?.stage === "encoding" && job.percent > 3 ? job : undefined;
    });
    const victim = workers.find((w) => running.workerId?.includes(`:${w.child.pid}:`))!;
    const survivor = workers.find((w) => w !== victim)!;
    victim.child.kill("SIGKILL");

    const done = await until("the job to end", async () => {
      const job = await getJob(jobId);
      return job && ["ready", "failed"].includes(job.stage) ? job : undefined;
    });
    expect(done).toMatchObject({ stage: "ready", attempts: 2, error: null });
    expect(done.workerId).toContain(`:${survivor.child.pid}:`);
    expect(survivor.output()).toMatch(new RegExp(`transcode ${jobId.slice(0, 8)}: Attempt 1 stopped reporting .* Requeued\\.`));
    expect(await findAsset(assetId)).toMatchObject({ status: "ready", error: null });
    // The dead worker's ffmpeg died with it (its progress pipe broke) and its half-written output is gone.
    await until("the orphaned ffmpeg to exit", () => !execFileSync("ps", ["-eo", "args"], { encoding: "utf8" }).includes(`${jobId}.1`));
    expect(fs.readdirSync(path.join(mediaDir, "tmp")).filter((name) => name.startsWith(jobId))).toEqual([]);

    survivor.child.kill("SIGTERM");
    expect(await survivor.exited).toBe(0);
  });
});
