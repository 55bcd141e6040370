// Single sign-on the way a browser without JavaScript does it: next-auth's sign-in POST, the provider's authorization
// endpoint and login form (test/oidc-provider.ts), and back to next-auth's callback, following each redirect by hand
// with one cookie jar per origin.

import { collectCookies as collect, cookieHeader as header } from "./web-session";

type Jar = Map<string, string>;

export type SsoResult = {
  /** Where the app sent the browser at the end: the callback URL, /signin/link?request=…, or /signin?error=…. */
  location: string;
  /** The app's cookies (with the site session when signed in). */
  cookie: string;
  signedIn: boolean;
};

export type Device = { ip?: string; userAgent?: string };

const deviceHeaders = (device: Device): Record<string, string> => ({
  "x-forwarded-for": device.ip ?? "10.77.0.1",
  "user-agent": device.userAgent ?? "sso-flow-test",
});

async function csrf(appUrl: string, jar: Jar, device: Device): Promise<string> {
  const response = await fetch(`${appUrl}/auth/csrf`, { headers: { ...deviceHeaders(device), cookie: header(jar) } });
  collect(response, jar);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

const isSignedIn = (jar: Jar) => [...jar.keys()].some((name) => name.includes("session-token"));

/** Signs in at `provider` (next-auth's id, e.g. "oidc") typing `login` on the provider's form. */
export async function ssoSignIn(appUrl: string, login: string, options: Device & { provider?: string; callbackUrl?: string } = {}): Promise<SsoResult> {
  const app: Jar = new Map();
  const idp: Jar = new Map();
  const csrfToken = await csrf(appUrl, app, options);
  const start = await fetch(`${appUrl}/auth/signin/${options.provider ?? "oidc"}`, {
    method: "POST",
    redirect: "manual",
    headers: { ...deviceHeaders(options), "content-type": "application/x-www-form-urlencoded", cookie: header(app), origin: appUrl },
    body: new URLSearchParams({ csrfToken, callbackUrl: options.callbackUrl ?? `${appUrl}/profiles` }),
  });
  collect(start, app);
  let url = start.headers.get("location");
  if (!url || url.startsWith(appUrl)) throw new Error(`sign-in did not go to the provider: ${start.status} ${url}`);

  // At the provider: authorization → login form → resume → back to the app with a code.
  for (let hop = 0; hop < 10 && url && !url.startsWith(appUrl); hop++) {
    let response: Response = await fetch(url, { redirect: "manual", headers: { cookie: header(idp) } });
    collect(response, idp);
    if (response.status === 200 && (await response.text()).includes('name="login"')) {
      response = await fetch(url, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(idp) },
        body: new URLSearchParams({ prompt: "login", login, password: "any" }),
      });
      collect(response, idp);
    }
    const next: string | null = response.headers.get("location");
    if (!next) throw new Error(`the provider stopped at ${url}: ${response.status} ${await response.text()}`);
    url = new URL(next, url).toString();
  }
  if (!url?.startsWith(appUrl)) throw new Error(`the provider did not return to the app: ${url}`);

  const callback = await fetch(url, { redirect: "manual", headers: { ...deviceHeaders(options), cookie: header(app) } });
  collect(callback, app);
  const location = new URL(callback.headers.get("location") ?? "", appUrl);
  return { location: location.pathname + location.search, cookie: header(app), signedIn: isSignedIn(app) };
}

/** The link page's form, posted to next-auth's `sso-link` credentials callback: links and signs in when right. */
export async function confirmLink(appUrl: string, request: string, input: { password: string; code?: string }, device: Device = {}): Promise<SsoResult> {
  const app: Jar = new Map();
  const csrfToken = await csrf(appUrl, app, device);
  const response = await fetch(`${appUrl}/auth/callback/sso-link`, {
    method: "POST",
    redirect: "manual",
    headers: { ...deviceHeaders(device), "content-type": "application/x-www-form-urlencoded", cookie: header(app), origin: appUrl },
    body: new URLSearchParams({ csrfToken, request, ...input, callbackUrl: `${appUrl}/profiles` }),
  });
  collect(response, app);
  const location = new URL(response.headers.get("location") ?? "", appUrl);
  return { location: location.pathname + location.search, cookie: header(app), signedIn: isSignedIn(app) };
}

/** The link request a `/signin/link?request=…` location carries. */
export const linkRequestOf = (location: string) => new URL(location, "http://x").searchParams.get("request") ?? "";
