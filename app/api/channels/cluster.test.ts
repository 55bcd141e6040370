// Two app instances on one PostgreSQL and one media folder: a channel stream started on one plays from the other,
// and both render the same live playlist for the same signed URL (the playlist is computed from the schedule and the
// clock, nothing held in one process). PostgreSQL only: two processes cannot share an embedded PGlite.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useTwoInstances } from "@/app/api/admin/test-server";

const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-live-cluster-"));
afterAll(() => fs.rmSync(mediaDir, { recursive: true, force: true }));

describe.skipIf(!process.env.TEST_DATABASE_URL)("a channel across two instances", () => {
  const { clients } = useTwoInstances({ MEDIA_DIR: mediaDir, MEDIA_SIGNING_SECRET: "live-cluster-secret-0123456789abcdefghij", WORKER_IN_PROCESS: "true", TRANSCODE_PRESET: "ultrafast" });

  it("answers the same live playlist from either instance", { timeout: 180_000 }, async () => {
    const [a, b] = clients;
    const admin = await a.signUp("live_cluster_admin");
    const movie = (await a.call("POST", "/api/admin/titles", { token: admin.token, body: { type: "movie", title: "Both Ways", year: 2026, maturity_rating: "PG" } })).body;
    const job = await a.waitForJob(admin.token, await a.uploadVideo(admin.token, movie.id));
    expect(job.job.stage).toBe("ready");
    await a.call("PUT", `/api/admin/titles/${movie.id}/published`, { token: admin.token, body: { published: true } });
    const channel = (await a.call("POST", "/api/admin/channels", { token: admin.token, body: { number: 3, name: "Cluster TV" } })).body;
    expect((await a.call("PUT", `/api/admin/channels/${channel.id}/schedule`, { token: admin.token, body: { items: [{ type: "movie", id: movie.id }] } })).status).toBe(200);

    const viewer = await b.signUp("live_cluster_viewer");
    await b.call("PUT", "/api/accounts/subscription", { token: viewer.token, body: { subscription: "standard" } });
    await b.call("POST", "/api/profiles/Main/new", { token: viewer.token });
    const started = await b.call("POST", `/api/channels/${channel.id}/stream`, { token: viewer.token, body: { profile: "Main" } });
    expect(started.status).toBe(200);
    const master = await a.call("GET", started.body.manifest_url);
    expect(master.text).toBe((await b.call("GET", started.body.manifest_url)).text);
    const variant = master.text.split("\n").find((line) => line.startsWith("/media/"))!;

    // The playlist moves on with each segment (a second here): b's answer is a's from just before or just after.
    const before = (await a.call("GET", variant)).text;
    const other = (await b.call("GET", variant)).text;
    const after = (await a.call("GET", variant)).text;
    expect(before).toMatch(/#EXT-X-MEDIA-SEQUENCE:\d+/);
    expect([before, after]).toContain(other);
  });
});
