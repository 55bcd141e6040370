// For service tests whose rows other test files must not see (they add titles): on PostgreSQL a database of the file's
// own, created before the app's modules read DATABASE_URL. Import those modules dynamically, in a beforeAll declared
// after this call (lib/env reads the environment once, when first imported).
import { afterAll, beforeAll } from "vitest";
import { createTestDatabase } from "./server-process";

export function useFreshDatabase() {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    if (process.env.TEST_DATABASE_URL) {
      database = await createTestDatabase(process.env.TEST_DATABASE_URL);
      process.env.DATABASE_URL = database.url;
    }
    await (await import("@/db/client")).openDatabase();
  });
  afterAll(async () => {
    await (await import("@/db/client")).closeDatabase();
    await database?.drop();
  });
}
