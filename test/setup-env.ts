// Runs before each test file's imports: code under test that opens the database directly (not over HTTP) gets its
// own embedded DATA_DIR (migrated: a copy of the run's template), or the run's fresh PostgreSQL database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { seedPgliteFromTemplate } from "./server-process";

// The run's migrated template (test/global-setup.ts), which fresh databases and PGlite directories copy.
Object.assign(process.env, inject("templateEnv"));
process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-unit-"));
process.env.DATABASE_URL = inject("databaseUrl");
if (!process.env.DATABASE_URL) seedPgliteFromTemplate(process.env.DATA_DIR);

afterAll(() => fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true }));
