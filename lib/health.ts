import "server-only";
import { databaseKind, notificationState } from "@/db/client";
import { pingDatabase } from "@/db/queries/health";
import { ApiError } from "./api/errors";

const PING_TIMEOUT_MS = 2_000;

/**
 * Whether the database answers a trivial query within two seconds, and whether this process hears other instances'
 * session revocations (`reconnecting`: the database dropped the connection; revocations then take up to the token
 * cache's few seconds to apply).
 */
export async function checkHealth() {
  const started = performance.now();
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("timed out")), PING_TIMEOUT_MS).unref(),
  );
  try {
    await Promise.race([pingDatabase(), timeout]);
  } catch {
    throw new ApiError("service_unavailable", "The database is not reachable.", { database: databaseKind() }, { "Retry-After": "5" });
  }
  return {
    status: "ok",
    database: { kind: databaseKind(), latency_ms: Math.round(performance.now() - started), notifications: notificationState() },
  };
}
