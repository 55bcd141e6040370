// Shared fixtures for the browser tests: accounts made through the public API, browsers signed in through the real
// sign-in form, and a helper that waits for the demo catalog's first playable movie.
import { randomUUID } from "node:crypto";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { SignInPage } from "./pages/sign-in-page";

export type TestAccount = { username: string; email: string; password: string; token: string };
export type Viewer = TestAccount & { profile: string };

export const uniqueName = (prefix = "e2e") => `${prefix}_${randomUUID().slice(0, 8)}`;

async function call(request: APIRequestContext, method: string, path: string, token?: string, data?: unknown) {
  const response = await request.fetch(path, {
    method,
    data,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()} ${await response.text()}`);
  return response.status() === 204 ? undefined : response.json();
}

/** A new account through the API, with a bearer token; `plan` subscribes it (local billing applies at once). */
export async function createAccount(request: APIRequestContext, plan?: "basic" | "standard" | "premium"): Promise<TestAccount> {
  const username = uniqueName();
  const account = { username, email: `${username}@example.com`, password: "correct horse battery" };
  await call(request, "POST", "/api/accounts/new", undefined, account);
  const { bearer_token: token } = await call(request, "POST", "/api/accounts/token", undefined, account);
  if (plan) await call(request, "PUT", "/api/accounts/subscription", token, { subscription: plan });
  return { ...account, token };
}

export async function createProfile(request: APIRequestContext, token: string, name: string) {
  await call(request, "POST", `/api/profiles/${encodeURIComponent(name)}/new`, token);
}

/** An account made on the server at `base` (not the shared one: a spec's own), with a bearer token; `plan` subscribes it. */
export async function signUpAt(base: string, username: string, plan?: string): Promise<{ username: string; password: string; token: string }> {
  const account = { username, password: "correct horse battery", email: `${username}@example.com` };
  const send = (p: string, body: unknown, token?: string, method = "POST") =>
    fetch(base + p, { method, headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (!(await send("/api/accounts/new", account)).ok) throw new Error(`sign-up of ${username} failed`);
  const { bearer_token: token } = await (await send("/api/accounts/token", account)).json();
  if (plan) await send("/api/accounts/subscription", { subscription: plan }, token, "PUT");
  return { ...account, token };
}

/** Signs `page`'s browser in through the sign-in form and waits until it has left the form. */
export async function signInBrowser(page: Page, account: { username: string; password: string }, callbackUrl?: string) {
  const signIn = new SignInPage(page);
  await signIn.goto(callbackUrl);
  await signIn.signIn(account.username, account.password);
  await expect(page).not.toHaveURL(/\/signin/);
}

/** Picks `profile` on "Who's watching" and waits for the page it leads to. */
export async function chooseProfile(page: Page, profile: string) {
  if (!new URL(page.url()).pathname.startsWith("/profiles")) await page.goto("/profiles");
  await page.getByRole("button", { name: profile, exact: true }).click();
  await expect(page).not.toHaveURL(/\/profiles/);
}

/**
 * Waits until the demo catalog has a movie whose video is transcoded (minutes after a first start on two cores) and
 * returns its id and title. Playback tests call this; everything else can run while the transcoder works.
 */
export async function waitForPlayableMovie(request: APIRequestContext, timeoutMs = 10 * 60_000): Promise<{ id: string; title: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { items } = (await call(request, "GET", "/api/movies?limit=100")) as { items: { id: string; title: string; availability: string; access: string }[] };
    // A title every plan covers (the demo catalog also has titles to rent or buy, and free ones).
    const ready = items.find((movie) => movie.availability === "ready" && movie.access === "subscription");
    if (ready) return { id: ready.id, title: ready.title };
    if (Date.now() > deadline) throw new Error("no demo movie became playable in time");
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

type Fixtures = {
  /** A subscribed (standard) account, not signed in anywhere but the API. */
  account: TestAccount;
  /** A subscribed account with one profile, signed in on `page` with that profile chosen. */
  viewer: Viewer;
};

export const test = base.extend<Fixtures>({
  // The server's address is known only after the global setup has started it.
  baseURL: async ({}, use) => use(process.env.E2E_BASE_URL),
  account: async ({ request }, use) => use(await createAccount(request, "standard")),
  viewer: async ({ page, request, account }, use) => {
    const profile = "Viewer";
    await createProfile(request, account.token, profile);
    await signInBrowser(page, account);
    await chooseProfile(page, profile);
    await use({ ...account, profile });
  },
});

export { expect };
