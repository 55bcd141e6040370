import path from "node:path";
import { defineConfig } from "vitest/config";

// Tests drive the real server over HTTP: test/global-setup.ts starts it on a fresh PGlite directory, or on a fresh
// PostgreSQL database when TEST_DATABASE_URL is set.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "test/empty-module.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-env.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
