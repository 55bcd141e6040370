/**
 * A same-site path to send the browser to after sign-in or profile selection. Anything else (absolute URLs,
 * protocol-relative `//host`, backslash tricks) becomes `fallback`, so callbackUrl cannot be an open redirect.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value.slice(0, 2000);
}
