// The live ladder's ffmpeg arguments, run for real on a feed whose sound starts after its picture (as an encoder's
// often does): every rung's first segment must already carry audio, or a player that starts there fails on the first
// segment with sound (Chromium refuses the append).
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ffmpegPath, ffprobePath } from "@/lib/media/ffmpeg";
import { planLadder } from "@/lib/media/ladder";
import { ladderArgs } from "./feed";

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-live-ladder-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Seconds of the first audio packet in `file`, or null when it has none. */
async function firstAudio(file: string): Promise<number | null> {
  const { stdout } = await run(ffprobePath(), ["-v", "error", "-select_streams", "a", "-show_entries", "packet=pts_time", "-of", "csv=p=0", file]);
  const first = stdout.split("\n").find((line) => line.trim());
  return first ? Number(first.replace(/,$/, "")) : null;
}

describe("the live ladder", () => {
  it("puts audio in every rung's first segment when the feed's sound starts 5 s after its picture", { timeout: 120_000 }, async () => {
    const feed = path.join(dir, "feed.ts");
    await run(ffmpegPath(), [
      "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
      "-filter_complex", "[1:a]atrim=start=5,asetpts=PTS-STARTPTS+5/TB[a]", "-map", "0:v", "-map", "[a]", "-t", "10",
      "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-f", "mpegts", feed,
    ]);
    expect(await firstAudio(feed)).toBeGreaterThan(4.5); // the feed as the ladder gets it: silent at first

    const plans = planLadder({ width: 640, height: 360, fps: 30, hasAudio: true });
    const out = path.join(dir, "live");
    for (const plan of plans) fs.mkdirSync(path.join(out, plan.name), { recursive: true });
    const ladder = spawn(ffmpegPath(), ladderArgs(plans, out, 60, "ultrafast", "test"), { stdio: ["pipe", "ignore", "pipe"] });
    let log = "";
    ladder.stderr.on("data", (chunk) => (log += chunk));
    fs.createReadStream(feed).pipe(ladder.stdin);
    const code = await new Promise((resolve) => ladder.once("exit", resolve));
    expect(code, log).toBe(0);

    for (const plan of plans) {
      const first = path.join(out, plan.name, "seg-test-000000.ts");
      expect(fs.existsSync(first), `${plan.name}: ${log}`).toBe(true);
      const audioAt = await firstAudio(first);
      expect(audioAt, plan.name).not.toBeNull();
      expect(audioAt!).toBeLessThan(2);
    }
  });
});
