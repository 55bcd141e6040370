import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { createMigratedTemplate, createTestDatabase, startServer, tempDataDir } from "./server-process";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    databaseUrl: string;
    templateEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  // Migrated once; every fresh database of the run (this one, a test's own server's) is a copy.
  const template = await createMigratedTemplate(process.env.TEST_DATABASE_URL);
  Object.assign(process.env, template.env);
  project.provide("templateEnv", template.env);
  const database = process.env.TEST_DATABASE_URL ? await createTestDatabase(process.env.TEST_DATABASE_URL) : undefined;
  const dataDir = tempDataDir("test");
  project.provide("dataDir", dataDir);
  project.provide("databaseUrl", database?.url ?? "");
  // TEST_SERVER=off runs only tests that need no HTTP server (e.g. while another process rebuilds .next).
  const server =
    process.env.TEST_SERVER === "off"
      ? undefined
      : await startServer({
          DATA_DIR: dataDir,
          DATABASE_URL: database?.url ?? "",
          // Tests send far more requests per minute than a person; login throttling keeps its real limits.
          RATE_LIMIT_MULTIPLIER: "50",
          TRUST_PROXY: "true",
          // The demo catalog's titles are the catalog tests' fixture; its video is tested on its own (test/demo-catalog.test.ts).
          DEMO_CATALOG: "metadata",
        });
  console.log(database ? "Testing on PostgreSQL (fresh database)" : `Testing on PGlite in ${dataDir}`);
  project.provide("baseUrl", server?.url ?? "");

  return async () => {
    const code = await server?.stop();
    if (server && code !== 0) console.error(`test server exited with ${code}:\n${server.output()}`);
    await database?.drop();
    await template.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
