// For admin tests: a NormFlix server of their own, on a fresh database, so the first account signed up (the admin)
// is theirs whatever other test files do on the shared server.
import fs from "node:fs";
import { afterAll, beforeAll } from "vitest";
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
};

/** Starts the server before the file's tests (with the in-process transcode worker) and stops it after. */
export function useAdminServer(env: Record<string, string> = {}): AdminServer {
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
      ...env,
    });
    handle.url = server.url;
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    if (handle.dataDir) fs.rmSync(handle.dataDir, { recursive: true, force: true });
  });

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

  return handle;
}
