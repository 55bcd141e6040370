// Signs in to the site the way a browser does (next-auth's CSRF token, then the credentials callback) and returns the
// Cookie header that carries the site session.

/** The `name=value` pairs of a response's Set-Cookie headers, merged into `jar`. */
function collectCookies(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair.indexOf("=");
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1);
    if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

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
