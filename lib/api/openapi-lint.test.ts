import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { endpoints } from "@/app/api/endpoints";
import { buildOpenApiDocument } from "./openapi";

// The published document passes Redocly's recommended rules (redocly.yaml) without an error or a warning, so clients
// can generate from it.
describe("the OpenAPI document", () => {
  it("lints clean with Redocly's recommended rules", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "openapi-")), "openapi.json");
    fs.writeFileSync(file, JSON.stringify(buildOpenApiDocument(endpoints)));
    const redocly = path.resolve("node_modules/@redocly/cli/bin/cli.js");
    const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
    // A problem makes the command exit non-zero; its report is on stdout either way.
    const { stdout } = await promisify(execFile)(process.execPath, [redocly, "lint", file, "--format=json"], { env }).catch((error: { stdout: string }) => error);
    const report = JSON.parse(stdout) as { totals: Record<string, number>; problems: { ruleId: string; message: string }[] };
    expect(report.problems.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }, 60_000);
});
