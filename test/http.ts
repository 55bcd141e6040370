// A small HTTP client for tests: every call goes to the real server started by the global setup.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers; text: string };

export type RequestOptions = {
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body`. */
  raw?: string;
  token?: string;
  headers?: Record<string, string>;
  /** Client IP as seen by the server (the test server trusts X-Forwarded-For). */
  ip?: string;
  /** Another server than the global setup's (tests that start their own). */
  baseUrl?: string;
  /** Give up (the fetch rejects) after this long. */
  timeoutMs?: number;
};

export async function api<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.ip) headers["x-forwarded-for"] = options.ip;
  let payload: string | undefined = options.raw;
  if (payload === undefined && options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers["content-type"] ??= "application/json";
  const signal = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined;
  const response = await fetch((options.baseUrl ?? inject("baseUrl")) + path, { method, headers, body: payload, signal });
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body: body as T, headers: response.headers, text };
}

export const uniqueName = (prefix = "user") => `${prefix}_${randomUUID().slice(0, 8)}`;

/** A random IP per test, so login throttling in one test never affects another. */
export const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;

export type TestAccount = { username: string; email: string; password: string; token: string };

export async function createAccount(overrides: Partial<Omit<TestAccount, "token">> = {}, baseUrl?: string): Promise<TestAccount> {
  const username = overrides.username ?? uniqueName();
  const account = { username, email: overrides.email ?? `${username}@example.com`, password: overrides.password ?? "correct horse battery" };
  const created = await api("POST", "/api/accounts/new", { body: account, baseUrl });
  if (created.status !== 200) throw new Error(`sign-up failed: ${created.status} ${created.text}`);
  const token = await signIn(account.username, account.password, randomIp(), baseUrl);
  return { ...account, token };
}

export async function signIn(username: string, password: string, ip = randomIp(), baseUrl?: string): Promise<string> {
  const response = await api("POST", "/api/accounts/token", { body: { username, password }, ip, baseUrl });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
  return response.body.bearer_token;
}

export function expectEnvelope(response: ApiResponse, status: number, code?: string) {
  const problem = `${response.status} ${response.text}`;
  if (response.status !== status) throw new Error(`expected ${status}, got ${problem}`);
  if (typeof response.body?.error?.code !== "string" || typeof response.body?.error?.message !== "string") {
    throw new Error(`expected the error envelope, got ${problem}`);
  }
  if (code && response.body.error.code !== code) throw new Error(`expected code ${code}, got ${problem}`);
}
