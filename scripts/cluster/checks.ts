// The loopback cluster's checks (scripts/loopback-cluster.ts): sessions across instances, a video transcoded by the
// worker, and its signed media served by nginx.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { makeTestVideo } from "@/lib/media/test-video";
import type { Cluster } from "./start-cluster";

export type Report = (ok: boolean, what: string, detail?: string) => boolean;
type Reply = { status: number; body: any; headers: Headers; bytes: Buffer };

async function call(url: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<Reply> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  const response = await fetch(url, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body, redirect: "manual" });
  const bytes = Buffer.from(await response.arrayBuffer());
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString("utf8"));
  } catch {
    body = undefined;
  }
  return { status: response.status, body, headers: response.headers, bytes };
}

const cookiesOf = (reply: Reply) => reply.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);

/** Signs up (the first account: an admin) and signs in through nginx; returns the bearer token. */
export async function checkSessions(cluster: Cluster, credentials: { username: string; password: string }, report: Report): Promise<string> {
  const signUp = await call(`${cluster.url}/api/accounts/new`, { method: "POST", json: { ...credentials, email: `${credentials.username}@example.com` } });
  if (signUp.status !== 200) throw new Error(`sign-up through nginx: ${signUp.status} ${signUp.bytes}`);
  const token = (await call(`${cluster.url}/api/accounts/token`, { method: "POST", json: credentials })).body?.bearer_token as string;
  const direct = await Promise.all(cluster.apps.map((app) => call(`${app.url}/api/accounts/me`, { token })));
  report(
    direct.every((reply) => reply.status === 200 && reply.body.username === credentials.username),
    "a bearer token from a sign-in through nginx works on each instance directly",
    direct.map((reply) => reply.status).join(", "),
  );

  // The site's sign-in form, as a browser sends it: next-auth's CSRF cookie and token, then the credentials callback.
  const csrf = await call(`${cluster.url}/auth/csrf`);
  const signIn = await call(`${cluster.url}/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken: csrf.body?.csrfToken ?? "", ...credentials, callbackUrl: "/profiles" }).toString(),
  });
  const session = cookiesOf(signIn).filter((cookie) => /authjs\.session-token/.test(cookie));
  report(session.length > 0, "signing in on the site through nginx sets the session cookie", `${signIn.status}`);
  const withCookie = await Promise.all(cluster.apps.map((app) => call(`${app.url}/api/accounts/me`, { headers: { cookie: session.join("; ") } })));
  report(
    withCookie.every((reply) => reply.status === 200 && reply.body.username === credentials.username),
    "the site's session cookie is valid on each instance directly (shared AUTH_SECRET, session row in PostgreSQL)",
    withCookie.map((reply) => reply.status).join(", "),
  );
  const forged = await call(`${cluster.apps[1].url}/api/accounts/me`, { headers: { cookie: "authjs.session-token=not-a-session" } });
  report(forged.status === 403, "a made-up session cookie is refused", `${forged.status}`);
  return token;
}

/** Uploads a short clip through nginx (tus), waits for the worker to transcode it, publishes it; returns the movie id. */
export async function uploadAndTranscode(cluster: Cluster, token: string, work: string, report: Report): Promise<string | undefined> {
  const video = fs.readFileSync(await makeTestVideo(path.join(work, "clip.mp4"), { width: 320, height: 240, seconds: 4 }));
  const movie = await call(`${cluster.url}/api/admin/titles`, { method: "POST", token, json: { type: "movie", title: "Loopback Pattern", year: 2025, maturity_rating: "G" } });
  const b64 = (text: string) => Buffer.from(text).toString("base64");
  const tus = { "tus-resumable": "1.0.0" };
  const created = await call(`${cluster.url}/api/admin/uploads`, {
    method: "POST",
    token,
    headers: { ...tus, "upload-length": String(video.length), "upload-metadata": `filename ${b64("clip.mp4")},filetype ${b64("video/mp4")},title_id ${b64(movie.body.id)}` },
  });
  const location = created.headers.get("location");
  if (created.status !== 201 || !location) return void report(false, "upload through nginx", `${created.status} ${created.bytes}`);
  const sent = await call(cluster.url + location, {
    method: "PATCH",
    token,
    headers: { ...tus, "upload-offset": "0", "content-type": "application/offset+octet-stream" },
    body: new Uint8Array(video),
  });
  const jobId = sent.headers.get("normflix-job-id");
  report(sent.status === 204 && !!jobId, "a video uploaded through nginx becomes a transcode job", `${sent.status}, ${video.length} bytes`);

  const deadline = Date.now() + 120_000;
  let job: any;
  do {
    await new Promise((resolve) => setTimeout(resolve, 500));
    job = (await call(`${cluster.url}/api/admin/jobs/${jobId}`, { token })).body;
  } while (!["ready", "failed", "canceled"].includes(job?.stage) && Date.now() < deadline);
  // The worker logs jobs by the first 8 characters of their id (lib/media/worker.ts).
  const line = `transcode ${jobId?.slice(0, 8)}: ready`;
  const byWorker = (cluster.worker?.output().includes(line) ?? false) && cluster.apps.every((app) => !app.output().includes(line));
  report(job?.stage === "ready" && byWorker, "the worker process (not an app instance) transcoded it", `stage ${job?.stage}`);
  if (job?.stage !== "ready") return undefined;

  await call(`${cluster.url}/api/admin/titles/${movie.body.id}/published`, { method: "PUT", token, json: { published: true } });
  await call(`${cluster.url}/api/accounts/subscription`, { method: "PUT", token, json: { subscription: "premium" } });
  await call(`${cluster.url}/api/profiles/Main/new`, { method: "POST", token });
  return movie.body.id as string;
}

/** URIs in a playlist (lines that are not tags). */
const urisOf = (playlist: Buffer) => playlist.toString("utf8").split("\n").filter((line) => line && !line.startsWith("#"));

/** A stream's playlists come from the app through nginx; its segments from nginx alone, only with a valid signature. */
export async function checkMedia(cluster: Cluster, token: string, movieId: string, report: Report) {
  const stream = await call(`${cluster.url}/api/movies/${movieId}/stream?profile=Main`, { token });
  if (stream.status !== 200) return void report(false, "a stream starts through nginx", `${stream.status} ${stream.bytes}`);
  const master = await call(cluster.url + stream.body.manifest_url);
  const variantUrl = new URL(urisOf(master.bytes)[0] ?? "", cluster.url + stream.body.manifest_url);
  const variant = await call(variantUrl.toString());
  report(master.status === 200 && variant.status === 200 && !!master.headers.get("x-upstream") && !!variant.headers.get("x-upstream"), "playlists are rendered by an app instance behind nginx");

  const segmentUrl = new URL(urisOf(variant.bytes)[0] ?? "", variantUrl);
  const segment = await call(segmentUrl.toString());
  const onDisk = fs.readFileSync(path.join(cluster.mediaDir, "assets", segmentUrl.pathname.split("/")[2], ...segmentUrl.pathname.split("/").slice(3)));
  report(
    segment.status === 200 && segment.headers.get("x-upstream") === null && segment.bytes.equals(onDisk),
    "a signed segment is served by nginx from MEDIA_DIR (no app instance involved)",
    `${segment.status}, ${segment.bytes.length} bytes, ${segment.headers.get("content-type")}`,
  );

  const tampered = new URL(segmentUrl);
  const md5 = tampered.searchParams.get("md5")!;
  tampered.searchParams.set("md5", (md5[0] === "A" ? "B" : "A") + md5.slice(1));
  const expires = Math.floor(Date.now() / 1000) - 60;
  const signature = createHash("md5").update(`${expires}${segmentUrl.pathname} ${cluster.secrets.mediaSigning}`).digest("base64url");
  const expired = new URL(`${segmentUrl.origin}${segmentUrl.pathname}?md5=${signature}&expires=${expires}`);
  const [badSignature, pastExpiry, unsigned] = await Promise.all([tampered, expired, new URL(segmentUrl.pathname, segmentUrl)].map((url) => call(url.toString())));
  report(badSignature.status === 403 && badSignature.headers.get("x-upstream") === null, "nginx answers 403 to a tampered signature", `${badSignature.status}`);
  report(pastExpiry.status === 403, "nginx answers 403 to a correctly signed but expired link", `${pastExpiry.status}`);
  report(unsigned.status === 403, "nginx answers 403 to an unsigned link", `${unsigned.status}`);
}

/**
 * nginx keeps anonymous catalog answers (deploy/nginx/normflix.conf.template, proxy_cache): the second read of a
 * movie is nginx's, and once every app instance is stopped nginx still answers it. Stops the cluster's instances.
 */
export async function checkCatalogCache(cluster: Cluster, movieId: string, report: Report): Promise<void> {
  const path = `/api/movies/${movieId}`;
  const first = await call(cluster.url + path);
  const second = await call(cluster.url + path);
  const status = (reply: Reply) => `${reply.status} ${reply.headers.get("x-cache-status") ?? "-"}`;
  report(
    first.status === 200 && second.status === 200 && second.headers.get("x-cache-status") === "HIT" && /s-maxage=/.test(first.headers.get("cache-control") ?? ""),
    "an anonymous catalog read is public and its repeat is answered from nginx's cache",
    `${status(first)}, then ${status(second)}; Cache-Control ${first.headers.get("cache-control")}`,
  );
  const signedIn = await call(cluster.url + path, { headers: { authorization: "Bearer nf_unknown" } });
  report(signedIn.headers.get("x-cache-status") === "BYPASS", "a read with credentials bypasses nginx's cache", status(signedIn));

  await Promise.all(cluster.apps.map((app) => app.stop()));
  const down = await Promise.all(cluster.apps.map((app) => fetch(`${app.url}/api/ping`).then(() => "up", () => "down")));
  const third = await call(cluster.url + path);
  report(
    down.every((state) => state === "down") && third.status === 200 && third.bytes.equals(first.bytes) && /HIT|STALE/.test(third.headers.get("x-cache-status") ?? ""),
    "with every app instance stopped, nginx answers the cached catalog read",
    `instances ${down.join(", ")}; ${status(third)}`,
  );
}
