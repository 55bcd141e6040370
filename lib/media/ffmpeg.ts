// Locating and running ffmpeg/ffprobe: FFMPEG_PATH/FFPROBE_PATH when set, else the system binaries on PATH, else the
// static builds that @ffmpeg-installer/@ffprobe-installer ship as per-platform npm packages (so `npm install` alone is
// enough). Those packages mark their binary executable in a postinstall script, which npm may skip; we repair that.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/env";

type Tool = "ffmpeg" | "ffprobe";

const shippedBy: Record<Tool, string> = { ffmpeg: "@ffmpeg-installer/ffmpeg", ffprobe: "@ffprobe-installer/ffprobe" };
const resolved = new Map<Tool, string>();

export function ffmpegPath(): string {
  return cachedBinary("ffmpeg", env.FFMPEG_PATH);
}

export function ffprobePath(): string {
  return cachedBinary("ffprobe", env.FFPROBE_PATH);
}

function cachedBinary(tool: Tool, override: string | undefined): string {
  let found = resolved.get(tool);
  if (!found) {
    found = locateBinary(tool, { override, searchPath: process.env.PATH ?? "" });
    resolved.set(tool, found);
  }
  return found;
}

/** Where `tool` is: the override, else the first executable on `searchPath`, else the npm-shipped binary. */
export function locateBinary(tool: Tool, options: { override?: string; searchPath: string }): string {
  if (options.override) return options.override;
  const fileName = process.platform === "win32" ? `${tool}.exe` : tool;
  for (const dir of options.searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, fileName);
    if (isExecutableFile(candidate)) return candidate;
  }
  let shipped: string;
  try {
    // A variable specifier keeps bundlers from trying to inline the installer packages.
    const packageName = shippedBy[tool];
    // turbopackIgnore: without it a route that probes (admin uploads) bundles the installers' binaries and fails to build.
    shipped = (createRequire(import.meta.url)(/* turbopackIgnore: true */ packageName) as { path: string }).path;
  } catch (error) {
    throw new Error(
      `${tool} is not on PATH and ${shippedBy[tool]} has no binary for ${process.platform}-${process.arch} ` +
        `(${(error as Error).message ?? error}). Install ffmpeg or set ${tool.toUpperCase()}_PATH.`,
    );
  }
  return ensureExecutable(shipped);
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** `file` itself when it can be executed (after adding the execute bit if needed), else an executable copy of it. */
export function ensureExecutable(file: string): string {
  if (isExecutableFile(file)) return file;
  try {
    fs.chmodSync(file, fs.statSync(file).mode | 0o755);
    if (isExecutableFile(file)) return file;
  } catch {
    // read-only node_modules: fall through to a private copy
  }
  const copy = path.join(os.tmpdir(), `normflix-bin-${process.getuid?.() ?? "user"}`, path.basename(file));
  if (!isExecutableFile(copy) || fs.statSync(copy).size !== fs.statSync(file).size) {
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(file, `${copy}.partial`);
    fs.chmodSync(`${copy}.partial`, 0o755);
    fs.renameSync(`${copy}.partial`, copy);
  }
  return copy;
}

export class ToolError extends Error {
  constructor(
    message: string,
    readonly log: string,
  ) {
    super(message);
  }
}

const LOG_TAIL_CHARS = 8000;

/** Keeps the last lines of a stream, for error messages and the job log. */
export class OutputTail {
  private text = "";
  push(chunk: string) {
    this.text = (this.text + chunk).slice(-LOG_TAIL_CHARS * 2);
  }
  toString(): string {
    return this.text.slice(-LOG_TAIL_CHARS).trim();
  }
  /** The line that best says what went wrong: the last one that reads like an error, else the last one. */
  summary(): string {
    const lines = this.text.trim().split("\n").map((line) => line.trim()).filter(Boolean);
    const errors = lines.filter((line) => /error|invalid|could not|cannot|no such|failed|unable|not found/i.test(line));
    return (errors[errors.length - 1] ?? lines[lines.length - 1] ?? "").slice(0, 500);
  }
}

export type RunOptions = {
  signal?: AbortSignal;
  /** Called with each `-progress pipe:1` block's media time (seconds written so far). */
  onProgress?: (outSeconds: number) => void;
};

/** Runs ffmpeg with `args`; resolves with its stderr tail, rejects with a ToolError. Abort kills it at once. */
export function runFfmpeg(args: string[], options: RunOptions = {}): Promise<string> {
  return runTool(ffmpegPath(), ["-hide_banner", "-nostdin", "-nostats", "-progress", "pipe:1", ...args], options).then(
    ({ stderr }) => stderr,
  );
}

export function runTool(
  binary: string,
  args: string[],
  { signal, onProgress }: RunOptions = {},
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    const stderr = new OutputTail();
    let stdout = "";
    let pending = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (!onProgress) return void (stdout += chunk);
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const match = /^out_time_us=(\d+)/.exec(line);
        if (match) onProgress(Number(match[1]) / 1e6);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => stderr.push(chunk));
    const abort = () => child.kill("SIGKILL");
    signal?.addEventListener("abort", abort, { once: true });
    child.once("error", (error) => {
      signal?.removeEventListener("abort", abort);
      reject(new ToolError(`${path.basename(binary)} could not be started: ${error.message}`, ""));
    });
    child.once("close", (code, killedBy) => {
      signal?.removeEventListener("abort", abort);
      if (signal?.aborted) return reject(signal.reason);
      if (code === 0) return resolve({ stdout, stderr: stderr.toString() });
      const why = killedBy ? `was killed by ${killedBy}` : `exited with code ${code}`;
      const detail = stderr.summary();
      reject(new ToolError(`${path.basename(binary)} ${why}${detail ? `: ${detail}` : ""}`, stderr.toString()));
    });
  });
}
