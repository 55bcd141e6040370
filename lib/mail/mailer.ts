import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { dataDir, env } from "@/lib/env";

/** `messageId`: a stable Message-ID, so a receiving server can recognise the same message. */
export type Mail = { to: string; subject: string; text: string; html: string; messageId?: string };

/** Where messages go when no SMTP server is configured: one RFC 5322 `.eml` file each, readable by the owner only. */
export const outboxDir = path.join(dataDir, "mail");

let smtp: Transporter | undefined;
const fileComposer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

/** Sends a message through SMTP_URL, or writes it to DATA_DIR/mail when there is none (a self-hosted default). */
export async function sendMail(mail: Mail): Promise<void> {
  const message = { from: env.MAIL_FROM, ...mail };
  if (env.SMTP_URL) {
    smtp ??= nodemailer.createTransport(env.SMTP_URL);
    await smtp.sendMail(message);
    return;
  }
  const { message: raw } = await fileComposer.sendMail(message);
  await fs.mkdir(outboxDir, { recursive: true, mode: 0o700 });
  const file = path.join(outboxDir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.eml`);
  await fs.writeFile(file, raw as Buffer, { mode: 0o600 });
  console.log(`mail: no SMTP_URL, so "${mail.subject}" was written to ${file}`);
}
