// Runs before each test file's imports: code under test that opens the database directly (not over HTTP) gets its
// own embedded DATA_DIR, or the run's fresh PostgreSQL database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-unit-"));
process.env.DATABASE_URL = inject("databaseUrl");

afterAll(() => fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true }));
