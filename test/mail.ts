// Reads the mail a server wrote to DATA_DIR/mail (no SMTP_URL): the messages, and the links in them, sent to an address.
import fs from "node:fs";
import path from "node:path";

/** The body of a quoted-printable part as text (soft line breaks joined, =XX escapes decoded). */
const decodeQuotedPrintable = (text: string) =>
  text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Every message mailed to `to` so far, decoded, oldest first. */
export function mailsSentTo(dataDir: string, to: string): string[] {
  const outbox = path.join(dataDir, "mail");
  if (!fs.existsSync(outbox)) return [];
  return fs
    .readdirSync(outbox)
    .sort()
    .map((file) => fs.readFileSync(path.join(outbox, file), "utf8"))
    .filter((raw) => new RegExp(`^To: ${to.replace(/[.+]/g, "\\$&")}$`, "mi").test(raw))
    .map(decodeQuotedPrintable);
}

/** Every link to the site's `page` with a token (e.g. `/reset-password?token=…`) mailed to `to` so far, oldest first. */
export function linksSentTo(dataDir: string, to: string, page: string): string[] {
  return mailsSentTo(dataDir, to)
    .flatMap((mail) => [...mail.matchAll(new RegExp(`https?://\\S+/${page}\\?token=[\\w-]+`, "g"))].map((m) => m[0]))
    .filter((link, i, all) => all.indexOf(link) === i);
}

/** Waits for the next such link mailed to `to` (the servers mail after answering the request). */
export async function waitForLink(dataDir: string, to: string, page: string, after: string[] = [], timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const link = linksSentTo(dataDir, to, page).find((candidate) => !after.includes(candidate));
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`no ${page} link was mailed to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every password reset link mailed to `to` so far, oldest first. */
export const resetLinksSentTo = (dataDir: string, to: string) => linksSentTo(dataDir, to, "reset-password");

/** Waits for the next password reset link mailed to `to`. */
export const waitForResetLink = (dataDir: string, to: string, after: string[] = [], timeoutMs = 15_000) =>
  waitForLink(dataDir, to, "reset-password", after, timeoutMs);
