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
import { insertRefreshToken, rotateRefreshToken } from "@/db/queries/refresh-tokens";
import type { Session } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { rememberSessionDevice } from "./security-events";
import { recordSecurityEvent, sessionFromAlertLink } from "./security-events";
import { TokenCache } from "./token-cache";

export type Principal = { accountId: string; sessionId: string; username: string; role: "viewer" | "admin" };

// Opaque tokens: 256 random bits; only their SHA-256 is stored.
const TOKEN_PREFIX = "nf_";
const REFRESH_PREFIX = "nfrt_";
// last_seen_at is written at most once a minute per session (more often only when the idle timeout is shorter than
// four minutes), and a web session unused for WEB_SESSION_IDLE_HOURS has ended.
const WEB_IDLE_SECONDS = env.WEB_SESSION_IDLE_HOURS * 3600;
const TOUCH_INTERVAL_MS = Math.min(60_000, (WEB_IDLE_SECONDS * 1000) / 4);

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

type Device = { ip?: string; userAgent?: string };

const newToken = (prefix: string) => prefix + randomBytes(32).toString("base64url");
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);

async function createSession(kind: "api" | "web", accountId: string, device: Device, ttlDays: number) {
  const token = newToken(TOKEN_PREFIX);
  let newDevice = false;
  const session = await insertSession(
    { accountId, kind, tokenHash: hashToken(token), ip: device.ip, userAgent: device.userAgent?.slice(0, 512), expiresAt: daysFromNow(ttlDays) },
    async (tx, row) => {
      newDevice = await rememberSessionDevice(tx, row);
    },
  );
  return { token, session, newDevice };
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

/** The first refresh token of an API session (the session is its family). */
export async function issueRefreshToken(session: Session): Promise<string> {
  const token = newToken(REFRESH_PREFIX);
  await insertRefreshToken({
    tokenHash: hashToken(token),
    sessionId: session.id,
    accountId: session.accountId,
    expiresAt: daysFromNow(env.REFRESH_TOKEN_TTL_DAYS),
  });
  return token;
}

/**
 * Spends a refresh token for a new bearer token and refresh token of the same session; the session's previous bearer
 * token stops working at once. A refresh token spent before revokes its whole family (the session) instead, and the
 * reuse is logged as a security event.
 */
export async function refreshApiSession(refreshToken: string, device: Device) {
  const token = newToken(TOKEN_PREFIX);
  const next = newToken(REFRESH_PREFIX);
  const rotation = refreshToken.startsWith(REFRESH_PREFIX)
    ? await rotateRefreshToken(
        hashToken(refreshToken),
        {
          tokenHash: hashToken(token),
          expiresAt: daysFromNow(env.API_TOKEN_TTL_DAYS),
          refreshTokenHash: hashToken(next),
          refreshExpiresAt: daysFromNow(env.REFRESH_TOKEN_TTL_DAYS),
        },
        WEB_IDLE_SECONDS,
      )
    : ({ outcome: "invalid" } as const);
  if (rotation.outcome === "invalid") {
    throw new ApiError("refresh_token_invalid", "This refresh token is unknown, expired, or its session has ended. Sign in again.");
  }
  if (rotation.outcome === "reused") {
    forgetCachedSessions(rotation.accountId, { sessionIds: [rotation.sessionId] });
    await recordSecurityEvent(rotation.accountId, "refresh_token_reuse", device, rotation.sessionId);
    throw new ApiError("refresh_token_reused", "This refresh token was already used, so its session has been signed out. Sign in again.");
  }
  forgetCachedSessions(rotation.session.accountId, { sessionIds: [rotation.session.id] });
  return { token, session: rotation.session, refreshToken: next };
}

/** The answer of POST /api/accounts/token and /token/refresh. */
export const tokenPairOf = ({ token, session, refreshToken }: { token: string; session: Session; refreshToken: string }) => ({
  bearer_token: token,
  expires_at: session.expiresAt.toISOString(),
  expires_in: Math.max(0, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000)),
  refresh_token: refreshToken,
});

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

/** Ends the session a login alert named, from the alert's link (no sign-in needed: the signed link is the proof). */
export async function endSessionFromAlert(sessionId: string, token: string, device: Device): Promise<boolean> {
  const session = await sessionFromAlertLink(sessionId, token);
  if (!session) return false;
  const ended = await revokeSession(session.accountId, session.id);
  forgetCachedSessions(session.accountId, { sessionIds: [session.id] });
  if (ended) await recordSecurityEvent(session.accountId, "session_ended_from_alert", device, session.id);
  return ended;
}
