// Resumable uploads (tus 1.0.0): a video sent in pieces, with a dropped connection in the middle, resumes from the
// server's offset, becomes a transcode job, and plays once published. Also the protocol's refusals.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestVideo } from "@/lib/media/test-video";
import { useAdminServer } from "./test-server";

const server = useAdminServer({ UPLOAD_MAX_BYTES: String(64 * 1024 * 1024) });
const work = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-upload-"));
let admin: string;
let video: Buffer;

beforeAll(async () => {
  admin = (await server.signUp("upload_admin")).token;
  video = fs.readFileSync(await makeTestVideo(path.join(work, "clip.mp4"), { width: 320, height: 240, seconds: 3 }));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const tus = { "tus-resumable": "1.0.0" };
const b64 = (text: string) => Buffer.from(text).toString("base64");

async function create(length: number, metadata: Record<string, string>) {
  const header = Object.entries(metadata).map(([k, v]) => `${k} ${b64(v)}`).join(",");
  return server.call("POST", "/api/admin/uploads", { token: admin, headers: { ...tus, "upload-length": String(length), "upload-metadata": header } });
}

const patch = (location: string, offset: number, bytes: Buffer) =>
  server.call("PATCH", location, {
    token: admin,
    raw: new Uint8Array(bytes),
    headers: { ...tus, "upload-offset": String(offset), "content-type": "application/offset+octet-stream" },
  });

const head = async (location: string) => {
  const response = await server.call("HEAD", location, { token: admin, headers: tus });
  return { status: response.status, offset: Number(response.headers.get("upload-offset")) };
};

/** Sends part of a PATCH body, then drops the connection, as a train entering a tunnel would. */
function interruptedPatch(location: string, offset: number, rest: Buffer, sendBytes: number): Promise<void> {
  return new Promise((resolve) => {
    const request = http.request(server.url + location, {
      method: "PATCH",
      headers: {
        ...tus,
        authorization: `Bearer ${admin}`,
        "upload-offset": String(offset),
        "content-type": "application/offset+octet-stream",
        "content-length": String(rest.length),
      },
    });
    request.on("error", () => resolve());
    request.write(rest.subarray(0, sendBytes), () => setTimeout(() => (request.destroy(), resolve()), 300));
  });
}

describe("tus uploads", () => {
  it("resumes after a dropped connection, queues the transcode, and the published movie is playable", async () => {
    const movie = await server.call("POST", "/api/admin/titles", {
      token: admin,
      body: { type: "movie", title: "Test Pattern", year: 2025, maturity_rating: "G" },
    });
    const created = await create(video.length, { filename: "clip.mp4", filetype: "video/mp4", title_id: movie.body.id });
    expect(created.status).toBe(201);
    expect(created.headers.get("tus-resumable")).toBe("1.0.0");
    const location = created.headers.get("location")!;
    expect(location).toMatch(/^\/api\/admin\/uploads\/[0-9a-f-]{36}$/);

    const first = Math.floor(video.length / 3);
    const sent = await patch(location, 0, video.subarray(0, first));
    expect(sent.status).toBe(204);
    expect(sent.headers.get("upload-offset")).toBe(String(first));

    await interruptedPatch(location, first, video.subarray(first), Math.floor((video.length - first) / 2));
    // The server keeps what arrived before the drop; ask it where to resume.
    let resumeAt = first;
    for (let i = 0; i < 40 && resumeAt === first; i++) {
      resumeAt = (await head(location)).offset;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(resumeAt).toBeGreaterThan(first);
    expect(resumeAt).toBeLessThan(video.length);

    const wrongOffset = await patch(location, first, video.subarray(first));
    expect(wrongOffset.status).toBe(409);

    let last = await patch(location, resumeAt, video.subarray(resumeAt));
    for (let i = 0; i < 20 && last.status === 409; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250)); // the dropped request may still hold its lease
      last = await patch(location, resumeAt, video.subarray(resumeAt));
    }
    expect(last.status).toBe(204);
    expect(last.headers.get("upload-offset")).toBe(String(video.length));
    const jobId = last.headers.get("normflix-job-id")!;

    const status = await server.call("GET", location, { token: admin });
    expect(status.body).toMatchObject({ status: "complete", offset: video.length, length: video.length, job_id: jobId });

    const { job, stages } = await server.waitForJob(admin, jobId);
    expect(job.stage).toBe("ready");
    expect(job.label).toBe("Test Pattern");
    expect(stages.has("ready")).toBe(true);

    // The uploaded bytes are the file that was transcoded: same duration as the source.
    const asset = await server.call("GET", `/api/admin/assets/${status.body.asset_id}`, { token: admin });
    expect(asset.body.status).toBe("ready");
    expect(asset.body.duration_seconds).toBeCloseTo(3, 0);
    expect(asset.body.qualities).toEqual(["360p"]); // the ladder starts at 360p

    const bad = await server.call("PUT", `/api/admin/assets/${asset.body.id}/subtitles/en`, {
      token: admin,
      body: { label: "English", vtt: "WEBVTT\n\n00:01.000 -> 00:02.000\nHello" },
    });
    expect(bad.status).toBe(422);
    const vtt = "WEBVTT\n\n00:00.500 --> 00:02.000\nHello\n";
    const good = await server.call("PUT", `/api/admin/assets/${asset.body.id}/subtitles/en`, { token: admin, body: { label: "English", vtt } });
    expect(good.body.subtitles).toEqual([{ language: "en", label: "English" }]);
    const markers = await server.call("PUT", `/api/admin/assets/${asset.body.id}/markers`, {
      token: admin,
      body: { intro_start_seconds: 0, intro_end_seconds: 1, credits_start_seconds: 2.5 },
    });
    expect(markers.body).toMatchObject({ intro_end_seconds: 1, credits_start_seconds: 2.5 });
    const pastEnd = await server.call("PUT", `/api/admin/assets/${asset.body.id}/markers`, { token: admin, body: { credits_start_seconds: 99 } });
    expect(pastEnd.status).toBe(422);

    await server.call("PUT", `/api/admin/titles/${movie.body.id}/published`, { token: admin, body: { published: true } });
    const publicMovie = await server.call("GET", `/api/movies/${movie.body.id}`);
    expect(publicMovie.body).toMatchObject({ availability: "ready", subtitles: [{ language: "en", label: "English" }] });
  });

  it("speaks the protocol: discovery, version, size, type, termination", async () => {
    const options = await server.call("OPTIONS", "/api/admin/uploads", { token: admin });
    expect(options.status).toBe(204);
    expect(options.headers.get("tus-extension")).toBe("creation,termination");
    expect(options.headers.get("tus-max-size")).toBe(String(64 * 1024 * 1024));

    const noVersion = await server.call("POST", "/api/admin/uploads", { token: admin, headers: { "upload-length": "10" } });
    expect(noVersion.status).toBe(412);
    expect((await create(65 * 1024 * 1024, { filename: "big.mp4" })).status).toBe(413);
    expect((await create(1000, { filename: "notes.pdf", filetype: "application/pdf" })).status).toBe(415);
    expect((await create(1000, {})).status).toBe(400);
    const show = await server.call("POST", "/api/admin/titles", { token: admin, body: { type: "show", title: "Some Show", year: 2025, maturity_rating: "TV-G" } });
    expect((await create(1000, { filename: "x.mp4", title_id: show.body.id })).status).toBe(422);

    const upload = await create(4096, { filename: "noise.mkv" });
    const location = upload.headers.get("location")!;
    const wrongType = await server.call("PATCH", location, { token: admin, raw: "x", headers: { ...tus, "upload-offset": "0", "content-type": "text/plain" } });
    expect(wrongType.status).toBe(415);
    // More bytes than declared: refused, and the upload is not trusted any more.
    const tooMuch = await patch(location, 0, Buffer.alloc(5000, 7));
    expect(tooMuch.status).toBe(413);
    expect((await server.call("GET", location, { token: admin })).body).toMatchObject({ status: "failed" });

    // The right number of bytes, but not a video: the last PATCH says so (415) and the upload is marked failed.
    const noise = (await create(4096, { filename: "noise.mp4" })).headers.get("location")!;
    expect((await patch(noise, 0, Buffer.alloc(4096, 7))).status).toBe(415);
    const after = await server.call("GET", noise, { token: admin });
    expect(after.body).toMatchObject({ status: "failed", offset: 4096 });
    expect(after.body.error).toMatch(/video/);

    // A NUL in a metadata value (PostgreSQL text cannot store it): the tus 400 in the envelope, and nothing stored.
    const before = (await server.call("GET", "/api/admin/uploads", { token: admin })).body.items.length;
    const withNul: Record<string, string>[] = [{ filename: "clip\u0000.mp4" }, { filename: "clip.mp4", filetype: "video/mp4\u0000" }, { filename: "\u0000" }];
    for (const metadata of withNul) {
      const refused = await create(1000, metadata);
      expect(refused.status, JSON.stringify(metadata)).toBe(400);
      expect(refused.body.error).toMatchObject({ code: "bad_request", message: expect.stringMatching(/NUL/) });
    }
    expect((await server.call("GET", "/api/admin/uploads", { token: admin })).body.items).toHaveLength(before);

    const another = (await create(100, { filename: "x.mp4" })).headers.get("location")!;
    const terminated = await server.call("DELETE", another, { token: admin, headers: tus });
    expect(terminated.status).toBe(204);
    expect((await head(another)).status).toBe(404);
  });
});
