import fs from "node:fs";
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { api, createAccount } from "./http";
import { startServer, tempDataDir, type ServerHandle } from "./server-process";

// These start their own embedded (PGlite) servers: the lock and the shutdown behaviour are properties of the process.
const dataDir = tempDataDir("lifecycle");
const embedded = { DATA_DIR: dataDir, DATABASE_URL: "" };
const running: ServerHandle[] = [];

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start() {
  const server = await startServer(embedded);
  running.push(server);
  return server;
}

/** POSTs a sign-up whose body trickles in over ~1.5 s, calling `midway` once the request has started. */
function slowSignUp(url: string, username: string, midway: () => void): Promise<number> {
  const body = JSON.stringify({ username, password: "slow and steady", email: `${username}@example.com` });
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/api/accounts/new`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode!));
    });
    req.on("error", reject);
    const parts = body.match(/.{1,8}/g)!;
    let i = 0;
    const timer = setInterval(() => {
      req.write(parts[i++]);
      if (i === 2) midway();
      if (i === parts.length) {
        clearInterval(timer);
        req.end();
      }
    }, 1500 / parts.length);
  });
}

describe("the server process", () => {
  it("refuses to open a DATA_DIR another process holds, with a clear message", async () => {
    await start();
    await expect(startServer(embedded)).rejects.toThrow(/DATA_DIR .* is in use by process \d+/);
  });

  it("drains in-flight requests on SIGTERM, keeps their writes and rate-limit counts, and releases the lock", async () => {
    const server = running.pop()!;
    const startedAt = Date.now() / 1000;
    let exit: Promise<number | null> | undefined;
    const status = await slowSignUp(server.url, "drained_user", () => {
      exit = server.stop();
    });
    expect(status).toBe(200);
    expect(await exit).toBe(0);
    expect(server.output()).toContain("SIGTERM received");

    const restarted = await start();
    const signIn = await fetch(`${restarted.url}/api/accounts/token`, {
      method: "POST",
      body: JSON.stringify({ username: "drained_user", password: "slow and steady" }),
    });
    expect(signIn.status).toBe(200);
    // The sign-up was counted in memory; shutdown saved it, so the restarted server's window already holds it (unless
    // the restart took so long that a new window began).
    const limit = Number(signIn.headers.get("x-ratelimit-limit"));
    const newWindow = Number(signIn.headers.get("x-ratelimit-reset")) > startedAt + 62;
    if (!newWindow) expect(Number(signIn.headers.get("x-ratelimit-remaining"))).toBe(limit - 2);
  });

  it("takes over the lock of a process that was killed", async () => {
    const server = running.pop()!;
    server.child.kill("SIGKILL");
    await server.stop();
    const next = await start();
    expect((await fetch(`${next.url}/api/health`)).status).toBe(200);
  });

  it("keeps every acknowledged write when killed mid-write (SIGKILL, then a restart on the same DATA_DIR)", async () => {
    // Its own directory with the demo titles only: the write load needs movies, not video.
    const crashDir = tempDataDir("crash");
    const options = { DATA_DIR: crashDir, DATABASE_URL: "", DEMO_CATALOG: "metadata" };
    try {
      const server = await startServer(options);
      const call = (method: string, path: string, token: string, body?: unknown) =>
        api(method, path, { baseUrl: server.url, token, body });
      const { token } = await createAccount({}, server.url);
      await call("PUT", "/api/accounts/subscription", token, { subscription: "standard" });
      expect((await call("POST", "/api/profiles/Main/new", token)).status).toBe(200);
      const target = { kind: "movie_watch_progress", movie_id: (await call("GET", "/api/movies?limit=1", token)).body.items[0].id };
      expect((await call("POST", "/api/profiles/Main/progress", token, { ...target, progress: 0 })).status).toBe(200);

      // Writes one after another; the kill lands while some are in flight.
      let acknowledged = 0;
      const writing = (async () => {
        for (let position = 0.25; ; position += 0.25) {
          const response = await call("PUT", "/api/profiles/Main/progress", token, { ...target, progress: position }).catch(() => undefined);
          if (!response) return;
          // What the server says it stored: positions past the demo title's end are clamped to it.
          if (response.status === 200 && response.body.applied) acknowledged = response.body.progress;
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      server.child.kill("SIGKILL");
      await writing;
      await server.stop();
      expect(acknowledged).toBeGreaterThan(0);

      const restarted = await startServer(options);
      try {
        const query = `kind=movie_watch_progress&movie_id=${target.movie_id}`;
        const read = await api("GET", `/api/profiles/Main/progress?${query}`, { baseUrl: restarted.url, token });
        expect(read.status).toBe(200);
        expect(read.body.progress).toBeGreaterThanOrEqual(acknowledged);
      } finally {
        await restarted.stop();
      }
    } finally {
      fs.rmSync(crashDir, { recursive: true, force: true });
    }
  }, 180_000); // two embedded starts: migrations and the demo titles take a while on a busy machine
});
