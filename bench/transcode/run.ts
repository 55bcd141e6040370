// `npm run bench:transcode [-- --runs N]`: the cost of the pipeline around ffmpeg. On a 60 s 1080p source it times
// (a) the bare ffmpeg ladder command the pipeline builds, run on its own, and (b) the whole pipeline (probe, the same
// encode with progress parsing, thumbnail tiling, playlist measuring, master and WebVTT), alternating runs and keeping
// each one's best. Writes the figures to the "Transcode" section of docs/BENCHMARKS.md.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { env } from "@/lib/env";
import { ffmpegPath } from "@/lib/media/ffmpeg";
import { planLadder } from "@/lib/media/ladder";
import { probeSource } from "@/lib/media/probe";
import { makeTestVideo } from "@/lib/media/test-video";
import { transcode, transcodeArgs, type TranscodeResult } from "@/lib/media/transcode";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 1) : 2;
const SOURCE = { width: 1920, height: 1080, seconds: 60, fps: 24 };

function runBare(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), ["-hide_banner", "-nostdin", "-nostats", ...args], { stdio: "ignore" });
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}`))));
  });
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-bench-"));
  try {
    console.log(`making a ${SOURCE.seconds} s ${SOURCE.width}x${SOURCE.height} test source…`);
    const source = await makeTestVideo(path.join(work, "source.mp4"), SOURCE);
    const info = await probeSource(source);
    const bareOut = path.join(work, "bare");
    const args = transcodeArgs(source, info, planLadder(info), bareOut, env.TRANSCODE_PRESET);

    const bare: number[] = [];
    const pipeline: number[] = [];
    let result: TranscodeResult | undefined;
    for (let run = 1; run <= runs; run++) {
      fs.rmSync(bareOut, { recursive: true, force: true });
      fs.mkdirSync(path.join(bareOut, "thumbnail-frames"), { recursive: true });
      bare.push(await timed(() => runBare(args)));
      const out = path.join(work, `pipeline-${run}`);
      pipeline.push(await timed(async () => (result = await transcode(source, out))));
      fs.rmSync(out, { recursive: true, force: true });
      console.log(`run ${run}: bare ffmpeg ${bare[run - 1].toFixed(2)} s, pipeline ${pipeline[run - 1].toFixed(2)} s`);
    }
    const bestBare = Math.min(...bare);
    const bestPipeline = Math.min(...pipeline);
    const ratio = bestBare / bestPipeline;
    console.log(`best: bare ${bestBare.toFixed(2)} s, pipeline ${bestPipeline.toFixed(2)} s, ratio ${ratio.toFixed(3)} (target ≥ 0.95)`);

    const ffmpegVersion = await new Promise<string>((resolve) => {
      const child = spawn(ffmpegPath(), ["-version"]);
      let out = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.once("close", () => resolve(out.split("\n")[0].split(" Copyright")[0]));
    });
    const ladder = result!.renditions.map((r) => `${r.name} ${r.width}×${r.height} ${(r.averageBandwidth / 1e6).toFixed(2)} Mbit/s avg`).join(", ");
    const section = [
      "## Transcode",
      "",
      `Command: \`npm run bench:transcode -- --runs ${runs}\` (bench/transcode/run.ts). Source: ${SOURCE.seconds} s ` +
        `${SOURCE.width}×${SOURCE.height} ${SOURCE.fps} fps lavfi \`testsrc2\` + sine tone (H.264/AAC). Preset \`${env.TRANSCODE_PRESET}\`. ` +
        `Runs alternate bare and pipeline; the best of each is compared (other work on the machine only ever adds time).`,
      "",
      `Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}, ${ffmpegVersion} (${ffmpegPath()}). ` +
        `Measured ${new Date().toISOString().slice(0, 10)}.`,
      "",
      "| what | runs (s) | best (s) |",
      "| --- | --- | --- |",
      `| bare ffmpeg ladder command (same arguments, no progress) | ${bare.map((t) => t.toFixed(2)).join(", ")} | ${bestBare.toFixed(2)} |`,
      `| pipeline: probe + encode + thumbnails + playlists | ${pipeline.map((t) => t.toFixed(2)).join(", ")} | ${bestPipeline.toFixed(2)} |`,
      "",
      `Ratio bare/pipeline: **${ratio.toFixed(3)}** (target ≥ 0.95). The pipeline encodes at ` +
        `${(SOURCE.seconds / bestPipeline).toFixed(2)}× real time. Ladder: ${ladder}. A synthetic pattern is easy to ` +
        "encode: real footage takes longer in both columns, which leaves the pipeline's fixed overhead an even smaller share.",
      "",
    ].join("\n");
    writeSection(path.join(root, "docs", "BENCHMARKS.md"), section);
    console.log("wrote the Transcode section of docs/BENCHMARKS.md");
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Replaces (or appends) the "## Transcode" section, leaving the other sections as they are. */
function writeSection(file: string, section: string) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n\nFigures measured on real runs; each section names the command that produced it.\n";
  const start = text.search(/^## Transcode\s*$/m);
  let next = -1;
  if (start >= 0) {
    const after = text.slice(start + 1).search(/^## /m);
    next = after >= 0 ? start + 1 + after : text.length;
  }
  const updated = start >= 0 ? text.slice(0, start) + section + (next < text.length ? `\n${text.slice(next)}` : "") : `${text.trimEnd()}\n\n${section}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, updated);
}

main().catch((error: Error) => {
  console.error(`bench:transcode failed: ${error.message}`);
  process.exit(1);
});
