// Helpers for the watch-party tests: a client of one server, accounts with a plan and a profile, and event streams.
import { randomUUID } from "node:crypto";
import { readSse } from "@/lib/realtime/test-sse";

export type Reply = { status: number; body: any };

export function partyClient(baseUrl: string) {
  async function call(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(baseUrl + url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, body };
  }

  /** An account with `plan` (or none) and one profile named `profile`; returns its token. */
  async function viewer(plan: "basic" | "standard" | "premium" | null, profile = "Main"): Promise<string> {
    const username = `p_${randomUUID().slice(0, 8)}`;
    const password = "correct horse battery";
    const created = await call("POST", "/api/accounts/new", { body: { username, password, email: `${username}@example.com` } });
    if (created.status !== 200) throw new Error(`sign-up: ${created.status} ${JSON.stringify(created.body)}`);
    const ip = `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const token = (await call("POST", "/api/accounts/token", { body: { username, password }, headers: { "x-forwarded-for": ip } })).body.bearer_token;
    if (plan) await call("PUT", "/api/accounts/subscription", { token, body: { subscription: plan } });
    await call("POST", `/api/profiles/${encodeURIComponent(profile)}/new`, { token });
    return token;
  }

  /** Opens the party's event stream (its first `state` in `initial`); `lastEventId` resumes. */
  async function events(partyId: string, token: string, lastEventId?: number) {
    const abort = new AbortController();
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (lastEventId !== undefined) headers["last-event-id"] = String(lastEventId);
    const response = await fetch(`${baseUrl}/api/parties/${partyId}/events`, { headers, signal: abort.signal });
    if (response.status !== 200) throw new Error(`event stream refused: ${response.status} ${await response.text()}`);
    const sse = readSse(response);
    /** The next `count` events other than `time`. */
    const next = async (count: number) => {
      const found = [];
      while (found.length < count) {
        const [event] = await sse.events(1);
        if (event.event !== "time") found.push(event);
      }
      return found;
    };
    // A fresh connection starts with the party's current state; a resumed one with what it missed.
    const initial = lastEventId === undefined ? (await next(1))[0] : undefined;
    return { sse, next, initial, close: () => abort.abort() };
  }

  /** The status of an event-stream request that is expected to be refused. */
  async function eventsRefused(partyId: string, token: string): Promise<Reply> {
    const response = await fetch(`${baseUrl}/api/parties/${partyId}/events`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status === 200) await response.body?.cancel();
    return { status: response.status, body: response.status === 200 ? undefined : await response.json() };
  }

  return { call, viewer, events, eventsRefused };
}
