import "server-only";
import { createHash, randomBytes } from "node:crypto";
import {
  findLiveSessionByTokenHash,
  insertSession,
  listLiveSessions,
  revokeOtherSessions,
  revokeSession,
  touchSession,
} from "@/db/queries/sessions";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

export type Principal = { accountId: string; sessionId: string; username: string; role: "viewer" | "admin" };

// Opaque tokens: 256 random bits; only their SHA-256 is stored.
const TOKEN_PREFIX = "nf_";
const TOUCH_INTERVAL_MS = 60_000;

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
  });
  return { token, session };
}

export const createApiSession = (accountId: string, device: Device) =>
  createSession("api", accountId, device, env.API_TOKEN_TTL_DAYS);

/** A signed-in browser: the token travels only inside the site's encrypted session cookie (lib/site/auth.ts). */
export const createWebSession = (accountId: string, device: Device) =>
  createSession("web", accountId, device, env.WEB_SESSION_TTL_DAYS);

/** The principal a bearer token stands for, or undefined when it is unknown, revoked or expired. */
export async function authenticateToken(token: string): Promise<Principal | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 128) return undefined;
  const row = await findLiveSessionByTokenHash(hashToken(token));
  if (!row) return undefined;
  // last_seen is for the devices list; a write per minute per session is plenty.
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await touchSession(row.sessionId);
  return { accountId: row.accountId, sessionId: row.sessionId, username: row.username, role: row.role };
}

export async function listDevices(principal: Principal) {
  const rows = await listLiveSessions(principal.accountId);
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
  if (!(await revokeSession(principal.accountId, sessionId))) {
    throw new ApiError("session_not_found", "This account has no active session with that id.");
  }
}

export const signOutOtherDevices = (principal: Principal) => revokeOtherSessions(principal.accountId, principal.sessionId);
