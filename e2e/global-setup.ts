// Starts one real NormFlix server (production build, server.ts) for the browser tests: a fresh PGlite directory, or a
// fresh database on TEST_DATABASE_URL's PostgreSQL server (local servers only). The demo catalog is seeded with video
// and transcoded in-process, so playback tests get real HLS (wait for it with waitForPlayableMovie in e2e/fixtures.ts).
import fs from "node:fs";
import type { FullConfig } from "@playwright/test";
import { oidcEnv, startOidcProvider } from "../test/oidc-provider";
import { createTestDatabase, startServer, tempDataDir } from "../test/server-process";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function assertLocalDatabase(url: string) {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`TEST_DATABASE_URL points at ${host}: browser tests create and drop databases, so only a local server is allowed.`);
  }
}

export default async function globalSetup(_config: FullConfig) {
  if (process.env.TEST_DATABASE_URL) assertLocalDatabase(process.env.TEST_DATABASE_URL);
  const database = process.env.TEST_DATABASE_URL ? await createTestDatabase(process.env.TEST_DATABASE_URL) : undefined;
  const dataDir = tempDataDir("e2e");
  // A real OpenID provider the site offers as its generic single sign-on issuer (e2e/sso.spec.ts); its issuer must be
  // known before the server starts, the server's redirect URI only after.
  const identityProvider = await startOidcProvider();
  const server = await startServer({
    DATA_DIR: dataDir,
    DATABASE_URL: database?.url ?? "",
    DEMO_CATALOG: "on",
    WORKER_IN_PROCESS: "true",
    // The demo clips are test patterns: the fastest x264 preset leaves the two shared cores to the browser tests.
    TRANSCODE_PRESET: "ultrafast",
    // Every test signs up from 127.0.0.1; API budgets are per person in real life. Login throttling keeps real limits.
    RATE_LIMIT_MULTIPLIER: "50",
    AUTH_SECRET: "",
    ...oidcEnv(identityProvider),
  });
  identityProvider.allowRedirectTo(`${server.url}/auth/callback/oidc`);
  console.log(`Browser tests against ${server.url} on ${database ? "PostgreSQL (fresh database)" : `PGlite in ${dataDir}`}`);
  // Workers are started after the global setup and inherit its environment.
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_DATA_DIR = dataDir;

  return async () => {
    const code = await server.stop();
    if (code !== 0) console.error(`e2e server exited with ${code}:\n${server.output()}`);
    await identityProvider.stop();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
