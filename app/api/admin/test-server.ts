// For admin tests: a NormFlix server of their own, on a fresh database, so the first account signed up (the admin)
// is theirs whatever other test files do on the shared server.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { makeTestVideo } from "@/lib/media/test-video";
import { createTestDatabase, startServer, tempDataDir, type ServerHandle } from "@/test/server-process";

export type Call = (
  method: string,
  path: string,
  options?: { token?: string; body?: unknown; raw?: BodyInit; headers?: Record<string, string> },
) => Promise<{ status: number; body: any; headers: Headers; text: string }>;

export type AdminServer = {
  url: string;
  dataDir: string;
  call: Call;
  signUp: (username: string) => Promise<{ id: string; token: string; username: string; password: string }>;
  /** Uploads a one-second test video (tus, one PATCH) for `titleId`; returns the transcode job's id. */
  uploadVideo: (token: string, titleId: string) => Promise<string>;
  /** Polls a job until it is ready, failed or canceled; returns it with every stage seen on the way. */
  waitForJob: (token: string, jobId: string) => Promise<{ job: any; stages: Set<string> }>;
};

/**
 * Starts the server before the file's tests (with the in-process transcode worker) and stops it after. `env` may be a
 * function, read when the server starts (after the file's earlier beforeAll hooks, e.g. a service it must point at).
 */
export function useAdminServer(env: Record<string, string> | (() => Record<string, string>) = {}): AdminServer {
  const handle = {} as AdminServer;
  let server: ServerHandle | undefined;
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

  beforeAll(async () => {
    database = process.env.TEST_DATABASE_URL ? await createTestDatabase(process.env.TEST_DATABASE_URL) : undefined;
    handle.dataDir = tempDataDir("admin");
    server = await startServer({
      DATA_DIR: handle.dataDir,
      DATABASE_URL: database?.url ?? "",
      RATE_LIMIT_MULTIPLIER: "50",
      TRUST_PROXY: "true",
      DEMO_CATALOG: "off",
      WORKER_IN_PROCESS: "true",
      TRANSCODE_PRESET: "ultrafast",
      ...(typeof env === "function" ? env() : env),
    });
    handle.url = server.url;
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    if (handle.dataDir) fs.rmSync(handle.dataDir, { recursive: true, force: true });
  });

  return withAdminClient(handle);
}

/** Fills in `handle`'s calls, made to `handle.url` (for a server a test starts itself). */
export function withAdminClient(handle: AdminServer): AdminServer {
  handle.call = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body = options.raw;
    if (body === undefined && options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(handle.url + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, headers: response.headers, text };
  };

  handle.signUp = async (username) => {
    const password = "correct horse battery";
    const created = await handle.call("POST", "/api/accounts/new", { body: { username, password, email: `${username}@example.com` } });
    if (created.status !== 200) throw new Error(`sign-up failed: ${created.status} ${created.text}`);
    const signedIn = await handle.call("POST", "/api/accounts/token", { body: { username, password } });
    if (signedIn.status !== 200) throw new Error(`sign-in failed: ${signedIn.status} ${signedIn.text}`);
    return { id: created.body.id, token: signedIn.body.bearer_token, username, password };
  };

  handle.uploadVideo = async (token, titleId) => {
    const file = await makeTestVideo(path.join(handle.dataDir, `upload-${Date.now()}.mp4`), { width: 160, height: 120, seconds: 1 });
    const video = fs.readFileSync(file);
    fs.rmSync(file);
    const tus = { "tus-resumable": "1.0.0" };
    const metadata = `filename ${Buffer.from("clip.mp4").toString("base64")},title_id ${Buffer.from(titleId).toString("base64")}`;
    const created = await handle.call("POST", "/api/admin/uploads", { token, headers: { ...tus, "upload-length": String(video.length), "upload-metadata": metadata } });
    if (created.status !== 201) throw new Error(`upload refused: ${created.status} ${created.text}`);
    const sent = await handle.call("PATCH", created.headers.get("location")!, {
      token,
      raw: new Uint8Array(video),
      headers: { ...tus, "upload-offset": "0", "content-type": "application/offset+octet-stream" },
    });
    if (sent.status !== 204) throw new Error(`upload failed: ${sent.status} ${sent.text}`);
    return sent.headers.get("normflix-job-id")!;
  };

  handle.waitForJob = async (token, jobId) => {
    const deadline = Date.now() + 120_000;
    const stages = new Set<string>();
    for (;;) {
      const job = await handle.call("GET", `/api/admin/jobs/${jobId}`, { token });
      stages.add(job.body.stage);
      if (["ready", "failed", "canceled"].includes(job.body.stage)) return { job: job.body, stages };
      if (Date.now() > deadline) throw new Error(`job stuck: ${job.text}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  return handle;
}

/**
 * Two app instances on one fresh PostgreSQL database (TEST_DATABASE_URL), started before the calling `describe`'s
 * tests and stopped after them; call it inside a describe that is skipped without TEST_DATABASE_URL.
 */
export function useTwoInstances(env: Record<string, string> = {}): { servers: ServerHandle[]; clients: AdminServer[] } {
  const cluster = { servers: [] as ServerHandle[], clients: [] as AdminServer[] };
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  const dataDirs: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(process.env.TEST_DATABASE_URL!);
    for (const name of ["a", "b"]) {
      const dataDir = tempDataDir(`cluster-${name}`);
      dataDirs.push(dataDir);
      const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: database.url, DEMO_CATALOG: "off", RATE_LIMIT_MULTIPLIER: "50", ...env });
      cluster.servers.push(server);
      cluster.clients.push(withAdminClient({ url: server.url, dataDir } as AdminServer));
    }
  });
  afterAll(async () => {
    for (const server of cluster.servers) await server.stop();
    await database?.drop();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  return cluster;
}
