// With SMTP_URL set, mail goes out over SMTP: a real SMTP server (smtp-server) on loopback receives it.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it, vi } from "vitest";

const received: { from: string; to: string[]; raw: string }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`);
vi.stubEnv("MAIL_FROM", "NormFlix <no-reply@tv.example.com>");
const { sendMail, outboxDir } = await import("./mailer");

describe("mail over SMTP", () => {
  it("delivers to the SMTP server, from MAIL_FROM, with text and HTML parts, and writes no file", async () => {
    await sendMail({ to: "ada@example.com", subject: "Reset your NormFlix password", text: "Open the link.\n", html: "<p>Open the link.</p>" });
    expect(received).toHaveLength(1);
    expect(received[0].from).toBe("no-reply@tv.example.com");
    expect(received[0].to).toEqual(["ada@example.com"]);
    expect(received[0].raw).toMatch(/^Subject: Reset your NormFlix password$/m);
    expect(received[0].raw).toContain("text/plain");
    expect(received[0].raw).toContain("text/html");
    const fs = await import("node:fs");
    expect(fs.existsSync(outboxDir)).toBe(false);
  });
});
