// `npm run worker`: transcode workers in their own process, against PostgreSQL (ARCHITECTURE.md, "Media"). Run as
// many as you like, on any machine that shares MEDIA_DIR with the app; they never take the same job, and a job whose
// worker dies is retried by another. The embedded database belongs to the server process, which runs its own worker.
//   npm run worker [-- --concurrency N]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { closeDatabase, openDatabase } from "./db/client";
import { env, mediaDir } from "./lib/env";
import { startWorker } from "./lib/media/worker";

process.chdir(path.dirname(fileURLToPath(import.meta.url)));

function concurrencyArg(): number {
  const index = process.argv.indexOf("--concurrency");
  if (index < 0) return env.WORKER_CONCURRENCY;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error("--concurrency takes a whole number ≥ 1");
  return value;
}

async function main() {
  if (!env.DATABASE_URL) {
    console.error(
      "npm run worker needs PostgreSQL (set DATABASE_URL). With the embedded database, the server runs the worker " +
        "itself (WORKER_IN_PROCESS=true, the default).",
    );
    process.exit(1);
  }
  const concurrency = concurrencyArg();
  await openDatabase();
  const worker = startWorker({ concurrency });
  console.log(`NormFlix worker ready (pid ${process.pid}, ${concurrency} at a time, media in ${mediaDir})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: returning running jobs to the queue`);
    await worker.stop();
    await closeDatabase();
    console.log("NormFlix worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch(async (error: Error) => {
  console.error(`NormFlix worker could not start: ${error.message}`);
  await closeDatabase().catch(() => undefined);
  process.exit(1);
});
