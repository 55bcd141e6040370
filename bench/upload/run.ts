// Upload memory: a 2 GiB video sent to the real production server through the tus endpoint, while the server's
// resident memory (VmRSS) is sampled. The bytes stream to disk, so memory must stay flat: the figure compared is the
// peak during the 2 GiB upload against the same server idle and during a 64 MiB upload, in the same run.
//   npm run bench:upload            (BENCH_UPLOAD_GIB=2 by default)
import { once } from "node:events";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ffmpegPath, runTool } from "../../lib/media/ffmpeg";
import { startServer, tempDataDir } from "../../test/server-process";
import { updateBenchmarks } from "../update-benchmarks";

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const TOTAL = Math.round(Number(process.env.BENCH_UPLOAD_GIB ?? 2) * GIB);
const tus = { "tus-resumable": "1.0.0" };

const rssMiB = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : NaN;
};

/** A short MPEG-TS clip: TS packets concatenate into a longer valid stream, so the repeated bytes probe as video. */
async function makeClip(dir: string): Promise<Buffer> {
  const file = path.join(dir, "clip.ts");
  await runTool(ffmpegPath(), ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=24:duration=4", "-c:v", "libx264", "-preset", "ultrafast", "-f", "mpegts", file]);
  return fs.readFileSync(file);
}

function request(base: string, method: string, pathname: string, headers: Record<string, string>): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.request(base + pathname, { method, headers }, resolve);
    req.on("error", reject);
    req.end();
  });
}

/** PATCHes `length` bytes of the repeated clip from `offset`, honouring backpressure; the body is generated as it goes. */
function patch(base: string, location: string, token: string, clip: Buffer, offset: number, length: number) {
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.request(base + location, {
      method: "PATCH",
      headers: { ...tus, authorization: `Bearer ${token}`, "upload-offset": String(offset), "content-type": "application/offset+octet-stream", "content-length": String(length) },
    }, resolve);
    req.on("error", reject);
    (async () => {
      let sent = 0;
      while (sent < length) {
        const start = (offset + sent) % clip.length;
        const piece = clip.subarray(start, Math.min(clip.length, start + (length - sent)));
        sent += piece.length;
        if (!req.write(piece)) await once(req, "drain");
      }
      req.end();
    })().catch(reject);
  });
}

async function upload(base: string, token: string, clip: Buffer, total: number, pieces: number, pid: number) {
  const create = await request(base, "POST", "/api/admin/uploads", {
    ...tus,
    authorization: `Bearer ${token}`,
    "upload-length": String(total),
    "upload-metadata": `filename ${Buffer.from("bench.ts").toString("base64")},filetype ${Buffer.from("video/mp2t").toString("base64")}`,
  });
  create.resume();
  if (create.statusCode !== 201) throw new Error(`create answered ${create.statusCode}`);
  const location = create.headers.location!;
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssMiB(pid)), 100);
  const started = performance.now();
  let offset = 0;
  let last: http.IncomingMessage | undefined;
  for (let i = 0; i < pieces; i++) {
    const length = i === pieces - 1 ? total - offset : Math.floor(total / pieces);
    last = await patch(base, location, token, clip, offset, length);
    last.resume();
    if (last.statusCode !== 204) throw new Error(`PATCH answered ${last.statusCode}`);
    offset = Number(last.headers["upload-offset"]);
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (offset !== total || !last?.headers["normflix-job-id"]) throw new Error("the upload did not complete into a transcode job");
  return { seconds, peak: Math.max(...samples), samples };
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-bench-upload-"));
  const dataDir = tempDataDir("bench-upload");
  const server = await startServer({ DATA_DIR: dataDir, DEMO_CATALOG: "off", WORKER_IN_PROCESS: "false", UPLOAD_MAX_BYTES: String(TOTAL + GIB) });
  const pid = server.child.pid!;
  try {
    const clip = await makeClip(work);
    const account = { username: "bench", password: "correct horse battery", email: "bench@example.com" };
    const json = (pathname: string, body: unknown) =>
      fetch(server.url + pathname, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json());
    await json("/api/accounts/new", account);
    const { bearer_token: token } = await json("/api/accounts/token", account);

    const warm = await upload(server.url, token, clip, 64 * MIB, 1, pid);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idle = rssMiB(pid);
    const big = await upload(server.url, token, clip, TOTAL, 2, pid);
    const after = rssMiB(pid);
    const quarter = (q: number) => big.samples[Math.min(big.samples.length - 1, Math.floor(q * big.samples.length))];

    const gib = (TOTAL / GIB).toFixed(TOTAL % GIB ? 2 : 0);
    const lines = [
      `Command: \`npm run bench:upload\` (bench/upload/run.ts). The production server (\`server.ts\`, PGlite) receives a ${gib} GiB`,
      "video through the tus endpoint (two PATCH requests of half each, as a resumed upload would send them) from a client",
      "on the same machine that generates the bytes (a 4 s MPEG-TS clip repeated, so the finished file probes as video",
      "and its transcode is queued). The server's VmRSS is sampled every 100 ms. Baseline, same run: the same server",
      "idle, and during a 64 MiB upload.",
      "",
      `Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}.`,
      "",
      "| server RSS (MiB) | value |",
      "| --- | --- |",
      `| peak during a 64 MiB upload | ${warm.peak.toFixed(0)} |`,
      `| idle before the ${gib} GiB upload (baseline) | ${idle.toFixed(0)} |`,
      `| at 25% / 50% / 75% of the ${gib} GiB upload | ${[0.25, 0.5, 0.75].map((q) => quarter(q).toFixed(0)).join(" / ")} |`,
      `| peak during the ${gib} GiB upload | ${big.peak.toFixed(0)} |`,
      `| after it completed | ${after.toFixed(0)} |`,
      "",
      `Peak minus idle: **${(big.peak - idle).toFixed(0)} MiB** for ${gib} GiB received (${((TOTAL / MIB / big.seconds)).toFixed(0)} MiB/s,`,
      `${big.seconds.toFixed(1)} s). Memory does not grow with the upload: bytes go from the socket to a file write stream`,
      "with backpressure, never into a buffer of the whole body.",
    ];
    console.log(lines.join("\n"));
    updateBenchmarks("Upload", lines.join("\n"));
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
