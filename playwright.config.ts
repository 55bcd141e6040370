import { defineConfig, devices } from "@playwright/test";

// Browser tests against a real production server (e2e/global-setup.ts starts it on a fresh database with the demo
// catalog). Chromium comes from the system: CHROMIUM_PATH, default /usr/bin/chromium.
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // Two cores are shared with the server and its transcoder: one browser at a time keeps timings honest.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  use: {
    // Filled in by the global setup (the server's port is only known once it runs); see e2e/fixtures.ts.
    baseURL: process.env.E2E_BASE_URL,
    headless: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
});
