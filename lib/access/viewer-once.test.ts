// A page for one profile loads that profile once: every row, list and check of /browse takes the Viewer loaded by
// requireViewer, never a profile name to look up again (it was six look-ups before lib/access/).
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createAccount } from "@/test/http";
import { createTestDatabase, startServer, tempDataDir, type ServerHandle } from "@/test/server-process";
import { chooseProfileOnSite, signInToSite } from "@/test/web-session";

let server: ServerHandle;
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let dataDir: string;

beforeAll(async () => {
  database = process.env.TEST_DATABASE_URL ? await createTestDatabase(process.env.TEST_DATABASE_URL) : undefined;
  dataDir = tempDataDir("trace");
  server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: database?.url ?? "", TRUST_PROXY: "true", DEMO_CATALOG: "metadata", TRACE_QUERIES: "true" });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The query trace's line for the one request to `path` made by `request`. */
async function traced(path: string, request: () => Promise<unknown>): Promise<{ statements: number; tables: Map<string, number> }> {
  const before = server.output().length;
  await request();
  const pattern = new RegExp(`query trace: GET ${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} 200 — (\\d+) statements \\(([^)]*)\\)`);
  for (let i = 0; i < 50; i++) {
    const match = pattern.exec(server.output().slice(before));
    if (match) {
      const tables = new Map(match[2].split(", ").filter(Boolean).map((entry) => [entry.split(" ")[0], Number(entry.split(" ")[1])] as const));
      return { statements: Number(match[1]), tables };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no query trace for GET ${path}:\n${server.output().slice(before)}`);
}

describe("the viewer, loaded once", () => {
  it("/browse reads the profiles table once, however many rows it renders", async () => {
    const account = await createAccount({}, server.url);
    await api("PUT", "/api/accounts/subscription", { baseUrl: server.url, token: account.token, body: { subscription: "premium" } });
    for (const name of ["Ada", "Bo"]) await api("POST", `/api/profiles/${name}/new`, { baseUrl: server.url, token: account.token });
    const cookie = await chooseProfileOnSite(server.url, await signInToSite(server.url, account.username, account.password), "Ada");

    const page = await traced("/browse", async () => {
      const response = await fetch(`${server.url}/browse`, { headers: { cookie } });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html.includes("Watching as Ada") && html.includes("New on NormFlix"), "the whole page, streamed rows included").toBe(true);
    });
    expect(page.statements).toBeGreaterThan(5);
    expect(page.tables.get("profiles")).toBe(1);

    // The API likewise: a list call names the profile once and loads it once.
    const list = await traced(`/api/profiles/Ada/watchlist`, () => api("GET", "/api/profiles/Ada/watchlist", { baseUrl: server.url, token: account.token }));
    expect(list.tables.get("profiles")).toBe(1);
  });
});
