// Without ffmpeg on PATH, the binaries shipped in npm packages are used, made executable if npm skipped that step.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { ensureExecutable, locateBinary } from "./ffmpeg";

it("falls back to the npm-shipped ffmpeg and ffprobe when PATH has none", () => {
  for (const tool of ["ffmpeg", "ffprobe"] as const) {
    const binary = locateBinary(tool, { searchPath: "" });
    expect(binary).toContain(`node_modules`);
    expect(execFileSync(binary, ["-version"], { encoding: "utf8" })).toMatch(new RegExp(`^${tool} version`));
  }
});

it("prefers an override, then the first executable on PATH", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-path-test-"));
  fs.writeFileSync(path.join(dir, "ffprobe"), "#!/bin/sh\n", { mode: 0o644 }); // not executable: skipped
  fs.writeFileSync(path.join(dir, "ffmpeg"), "#!/bin/sh\n", { mode: 0o755 });
  expect(locateBinary("ffmpeg", { searchPath: `/nowhere:${dir}` })).toBe(path.join(dir, "ffmpeg"));
  expect(locateBinary("ffprobe", { searchPath: dir })).toContain("node_modules");
  expect(locateBinary("ffmpeg", { override: "/opt/ffmpeg", searchPath: dir })).toBe("/opt/ffmpeg");
  fs.rmSync(dir, { recursive: true });
});

it("ensureExecutable repairs a binary installed without its execute bit", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-bin-test-"));
  const file = path.join(dir, "tool");
  fs.writeFileSync(file, "#!/bin/sh\necho works\n", { mode: 0o644 });
  expect(execFileSync(ensureExecutable(file), { encoding: "utf8" })).toBe("works\n");
  fs.rmSync(dir, { recursive: true });
});
