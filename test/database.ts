// For tests of services and queries: opens this test file's own database (see test/setup-env.ts) for its duration.
import { afterAll, beforeAll } from "vitest";
import { closeDatabase, openDatabase } from "@/db/client";

export function useDatabase() {
  beforeAll(() => openDatabase());
  afterAll(() => closeDatabase());
}
