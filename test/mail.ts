// Reads the mail a server wrote to DATA_DIR/mail (no SMTP_URL): the password reset links sent to an address.
import fs from "node:fs";
import path from "node:path";

/** The body of a quoted-printable part as text (soft line breaks joined, =XX escapes decoded). */
const decodeQuotedPrintable = (text: string) =>
  text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Every reset link mailed to `to` so far, oldest first. */
export function resetLinksSentTo(dataDir: string, to: string): string[] {
  const outbox = path.join(dataDir, "mail");
  if (!fs.existsSync(outbox)) return [];
  return fs
    .readdirSync(outbox)
    .sort()
    .map((file) => fs.readFileSync(path.join(outbox, file), "utf8"))
    .filter((raw) => new RegExp(`^To: ${to.replace(/[.+]/g, "\\$&")}$`, "mi").test(raw))
    .flatMap((raw) => [...decodeQuotedPrintable(raw).matchAll(/https?:\/\/\S+\/reset-password\?token=(nfr_[\w-]+)/g)].map((m) => m[0]))
    .filter((link, i, all) => all.indexOf(link) === i);
}

/** Waits for the next reset link mailed to `to` (the servers mail it after answering the request). */
export async function waitForResetLink(dataDir: string, to: string, after: string[] = [], timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const link = resetLinksSentTo(dataDir, to).find((candidate) => !after.includes(candidate));
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`no reset link was mailed to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
