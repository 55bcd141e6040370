// A NormFlix cluster on one machine, no containers: N app instances (server.ts, production mode) and optionally one
// transcode worker on one PostgreSQL database, nginx in front (scripts/cluster/nginx.ts). The topology of
// compose.yaml, used by `npm run cluster:loopback` and the two-instance bench (bench/mixed).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { freePort, projectRoot, startServer, tempDataDir, type ServerHandle } from "../../test/server-process";
import { startNginx, type NginxHandle } from "./nginx";

export type WorkerHandle = { child: ChildProcess; output: () => string; stop: () => Promise<void> };

export type Cluster = {
  /** nginx, the only address clients use. */
  url: string;
  nginx: NginxHandle;
  apps: ServerHandle[];
  worker?: WorkerHandle;
  mediaDir: string;
  /** Shared by every instance (and nginx), as they must be. */
  secrets: { auth: string; mediaSigning: string };
  stop: () => Promise<void>;
};

export type ClusterOptions = {
  databaseUrl: string;
  instances: number;
  worker: boolean;
  /** Extra environment for the app instances (and the worker). */
  env?: Record<string, string>;
  label?: string;
  /** A MEDIA_DIR that already holds media (default: a new empty one). */
  mediaDir?: string;
};

/** `npm run worker`: waits until it says it is ready. */
async function startWorkerProcess(env: Record<string, string>): Promise<WorkerHandle> {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/register-hooks.mjs", "worker.ts"], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  while (!output.includes("NormFlix worker ready")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the worker did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const root = tempDataDir(options.label ?? "cluster");
  const mediaDir = options.mediaDir ?? path.join(root, "media");
  fs.mkdirSync(mediaDir, { recursive: true });
  const secrets = { auth: randomBytes(32).toString("base64url"), mediaSigning: randomBytes(32).toString("base64url") };
  const shared = {
    DATABASE_URL: options.databaseUrl,
    MEDIA_DIR: mediaDir,
    AUTH_SECRET: secrets.auth,
    MEDIA_SIGNING_SECRET: secrets.mediaSigning,
    WORKER_IN_PROCESS: "false",
    TRUST_PROXY: "true",
    DEMO_CATALOG: "off",
    ...options.env,
  };
  const apps: ServerHandle[] = [];
  let worker: WorkerHandle | undefined;
  let nginx: NginxHandle | undefined;
  const stop = async () => {
    await nginx?.stop();
    await Promise.all(apps.map((app) => app.stop()));
    await worker?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    // Started together, as a deployment would: the first to take the migration lock migrates, the others wait.
    const started = await Promise.allSettled(
      Array.from({ length: options.instances }, (_, i) => startServer({ ...shared, DATA_DIR: path.join(root, `app${i + 1}`) })),
    );
    for (const result of started) if (result.status === "fulfilled") apps.push(result.value);
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    if (options.worker) worker = await startWorkerProcess({ ...shared, DATA_DIR: path.join(root, "worker") });
    const port = await freePort();
    nginx = await startNginx(
      {
        listen: `127.0.0.1:${port}`,
        upstreams: apps.map((app) => new URL(app.url).host),
        mediaDir,
        mediaSigningSecret: secrets.mediaSigning,
        cacheDir: path.join(root, "nginx", "cache"),
      },
      path.join(root, "nginx"),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: nginx.url, nginx, apps, worker, mediaDir, secrets, stop };
}
