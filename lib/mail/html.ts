import type { Mail } from "./mailer";

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A plain message of paragraphs, one of which may be a link (shown as `linkText` in the HTML part). */
export function composeMail(subject: string, lines: string[], link?: { url: string; text: string }): Omit<Mail, "to"> {
  return {
    subject,
    text: lines.join("\n\n") + "\n",
    html: lines
      .map((line) => (line === link?.url ? `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.text)}</a></p>` : `<p>${escapeHtml(line)}</p>`))
      .join("\n"),
  };
}
