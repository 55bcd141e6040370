import http from "node:http";
import { chromium } from "@playwright/test";
import { startServer } from "../test/server-process";

const PASSWORD = "correct horse battery";
async function json(url: string, init: RequestInit = {}) {
  const r = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  if (!r.ok) throw new Error(`${url} ${r.status} ${await r.text()}`);
  return r.json();
}
const server = await startServer({ DATA_DIR: "/tmp/nf-bench-data", DEMO_CATALOG: "on", WORKER_IN_PROCESS: "true", RATE_LIMIT_MULTIPLIER: "100", DATABASE_URL: "" });
const base = server.url;
let movie;
for (;;) {
  const { items } = await json(`${base}/api/movies?limit=100`);
  movie = items.find((m: any) => m.availability === "ready");
  if (movie && !items.some((m: any) => m.availability === "processing")) break;
  await new Promise((r) => setTimeout(r, 3000));
}
const username = `probe_${Date.now().toString(36)}`;
await json(`${base}/api/accounts/new`, { method: "POST", body: JSON.stringify({ username, password: PASSWORD, email: `${username}@example.com` }) });
const { bearer_token: token } = await json(`${base}/api/accounts/token`, { method: "POST", body: JSON.stringify({ username, password: PASSWORD }) });
const auth = { authorization: `Bearer ${token}` };
await json(`${base}/api/accounts/subscription`, { method: "PUT", headers: auth, body: JSON.stringify({ subscription: "premium" }) });
await json(`${base}/api/profiles/Bench/new`, { method: "POST", headers: auth });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext({ baseURL: base });
const page = await context.newPage();
await page.goto("/signin");
await page.getByLabel("Username").fill(username);
await page.getByLabel("Password").fill(PASSWORD);
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
await page.goto("/profiles");
await page.getByRole("button", { name: "Bench", exact: true }).click();
await page.waitForURL((url) => !url.pathname.startsWith("/profiles"));
const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
await browser.close();

for (let i = 0; i < 6; i++) {
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    http.get(`${base}/watch/movie/${movie.id}`, { headers: { cookie, "user-agent": "Mozilla/5.0 Chrome/140" } }, (res) => {
      console.log(`--- load ${i}: headers at ${Math.round(performance.now() - t0)} ms`);
      res.on("data", (chunk: Buffer) => {
        const text = chunk.toString();
        const marks = ["<head", "<script", "Loading", "__next_f", "<title", "manifest_url", "</html>"].filter((m) => text.includes(m));
        console.log(`${Math.round(performance.now() - t0)} ms  ${chunk.length} B  ${marks.join(",")}`);
      });
      res.on("end", resolve);
    });
  });
}
await server.stop?.();
process.exit(0);
