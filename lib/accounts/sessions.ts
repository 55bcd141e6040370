import "server-only";
import { createHash, randomBytes } from "node:crypto";
import {
  findLiveSessionByTokenHash,
  insertSession,
  listenForSessionChanges,
  listLiveSessions,
  revokeOtherSessions,
  revokeSession,
  touchSession,
} from "@/db/queries/sessions";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { notifyNewDevice } from "@/lib/notifications/triggers";
import { TokenCache } from "./token-cache";

export type Principal = { accountId: string; sessionId: string; username: string; role: "viewer" | "admin" };

// Opaque tokens: 256 random bits; only their SHA-256 is stored.
const TOKEN_PREFIX = "nf_";
// last_seen_at is written at most once a minute per session (more often only when the idle timeout is shorter than
// four minutes), and a web session unused for WEB_SESSION_IDLE_HOURS has ended.
const WEB_IDLE_SECONDS = env.WEB_SESSION_IDLE_HOURS * 3600;
const TOUCH_INTERVAL_MS = Math.min(60_000, (WEB_IDLE_SECONDS * 1000) / 4);

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

type Device = { ip?: string; userAgent?: string };

async function createSession(kind: "api" | "web", accountId: string, device: Device, ttlDays: number) {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const session = await insertSession({
    accountId,
    kind,
    tokenHash: hashToken(token),
    ip: device.ip,
    userAgent: device.userAgent?.slice(0, 512),
    expiresAt: new Date(Date.now() + ttlDays * 86_400_000),
  }, notifyNewDevice);
  return { token, session };
}

// One cache per process, kept on globalThis like the database connection: the custom server and Next's route bundles
// may each load this module, and a sign-out answered by one route must be seen at once by all the others.
const cacheKey = Symbol.for("normflix.token-cache");
const listenerKey = Symbol.for("normflix.token-cache-listener");
const processState = globalThis as unknown as { [cacheKey]?: TokenCache<Principal>; [listenerKey]?: Promise<unknown> };
const tokenCache = (processState[cacheKey] ??= new TokenCache<Principal>());

// Revocations made by other instances (or by any code path writing the tables directly) arrive as notifications;
// should listening fail, entries still expire after TOKEN_CACHE_TTL_MS.
function followSessionChanges() {
  processState[listenerKey] ??= listenForSessionChanges(
    (accountId, sessionId) => tokenCache.forget(accountId, sessionId ? { sessionIds: [sessionId] } : {}),
    () => tokenCache.clear(),
  ).catch((error: Error) => {
    console.error(`token cache: cannot follow session changes: ${error.message.split("\n")[0]}`);
    delete processState[listenerKey];
  });
}

export const createApiSession = (accountId: string, device: Device) =>
  createSession("api", accountId, device, env.API_TOKEN_TTL_DAYS);

/**
 * A signed-in browser: the token travels only inside the site's encrypted session cookie (lib/site/auth.ts). It ends
 * WEB_SESSION_TTL_DAYS after sign-in however much it is used (absolute timeout), or earlier when idle.
 */
export const createWebSession = (accountId: string, device: Device) =>
  createSession("web", accountId, device, env.WEB_SESSION_TTL_DAYS);

/** The principal a bearer token stands for, or undefined when it is unknown, revoked or expired. */
export async function authenticateToken(token: string): Promise<Principal | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 128) return undefined;
  followSessionChanges();
  const tokenHash = hashToken(token);
  const now = Date.now();
  const cached = tokenCache.get(tokenHash, now);
  if (cached && now - cached.lastSeenAt <= TOUCH_INTERVAL_MS) return cached.value;

  const generation = tokenCache.begin();
  const row = await findLiveSessionByTokenHash(tokenHash, WEB_IDLE_SECONDS);
  if (!row) return undefined;
  // last_seen is the devices list's and the idle timeout's: renewed on use, but not written on every request.
  let lastSeenAt = row.lastSeenAt;
  if (Date.now() - lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession(row.sessionId);
    lastSeenAt = new Date();
  }
  const principal: Principal = { accountId: row.accountId, sessionId: row.sessionId, username: row.username, role: row.role };
  tokenCache.set(tokenHash, generation, principal, { expiresAt: row.expiresAt, lastSeenAt });
  return principal;
}

/**
 * Drops this process's cached principals of the account's sessions (all but `exceptSessionId`, or only `sessionIds`).
 * Whatever revokes a session, disables an account or changes its role calls this right after its database write.
 */
export function forgetCachedSessions(accountId: string, options?: { sessionIds?: readonly string[]; exceptSessionId?: string }) {
  tokenCache.forget(accountId, options);
}

export async function listDevices(principal: Principal) {
  const rows = await listLiveSessions(principal.accountId, WEB_IDLE_SECONDS);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    user_agent: row.userAgent,
    ip: row.ip,
    created_at: row.createdAt.toISOString(),
    last_seen_at: row.lastSeenAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
    current: row.id === principal.sessionId,
  }));
}

export async function signOutDevice(principal: Principal, sessionId: string): Promise<void> {
  const revoked = await revokeSession(principal.accountId, sessionId);
  forgetCachedSessions(principal.accountId, { sessionIds: [sessionId] });
  if (!revoked) throw new ApiError("session_not_found", "This account has no active session with that id.");
}

/** Signs out every device of the account but the caller's; the number signed out. */
export async function signOutOtherDevices(principal: Principal): Promise<number> {
  const revoked = await revokeOtherSessions(principal.accountId, principal.sessionId);
  forgetCachedSessions(principal.accountId, { exceptSessionId: principal.sessionId });
  return revoked;
}
