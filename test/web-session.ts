// Signs in to the site the way a browser does (next-auth's CSRF token, then the credentials callback) and returns the
// Cookie header that carries the site session.

/** The `name=value` pairs of a response's Set-Cookie headers, merged into `jar`. */
export function collectCookies(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair.indexOf("=");
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1);
    if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

export const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

export async function signInToSite(baseUrl: string, username: string, password: string, ip = "10.99.0.1"): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  collectCookies(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, username, password, callbackUrl: `${baseUrl}/browse` });
  const response = await fetch(`${baseUrl}/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: baseUrl, "x-forwarded-for": ip },
    body: form,
  });
  collectCookies(response, jar);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) {
    throw new Error(`site sign-in failed: ${response.status} ${response.headers.get("location")}`);
  }
  return cookieHeader(jar);
}

/**
 * Picks a profile on "Who's watching?" as a browser without JavaScript does: the page's form for that profile, posted
 * to its server action. Returns the Cookie header with the browser's profile selection added.
 */
export async function chooseProfileOnSite(baseUrl: string, cookie: string, name: string): Promise<string> {
  const page = await fetch(`${baseUrl}/profiles`, { headers: { cookie } });
  const html = await page.text();
  const forms = html.split("<form").slice(1);
  const escaped = name.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const form = forms.find((text) => text.includes(`name="name" value="${escaped}"`));
  const actionId = form?.match(/name="(\$ACTION_ID_[^"]+)"/)?.[1];
  if (!actionId) throw new Error(`no form for profile ${name} on /profiles (${page.status})`);
  const body = new FormData();
  body.set(actionId, "");
  body.set("name", name);
  body.set("callbackUrl", "/browse");
  const response = await fetch(`${baseUrl}/profiles`, { method: "POST", redirect: "manual", headers: { cookie, origin: baseUrl }, body });
  const jar = new Map(cookie.split("; ").map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
  collectCookies(response, jar);
  if (!jar.has("nf_profile")) throw new Error(`choosing profile ${name} set no cookie: ${response.status} ${response.headers.get("location")}`);
  return cookieHeader(jar);
}
