// Verified email over the API, against the running server: links arrive in its DATA_DIR/mail outbox.
import { describe, expect, inject, it } from "vitest";
import { api, createAccount, expectEnvelope, randomIp, uniqueName } from "@/test/http";
import { linksSentTo, mailsSentTo, waitForLink } from "@/test/mail";

const verify = (body: unknown) => api("POST", "/api/accounts/email/verify", { body, ip: randomIp() });
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;
const me = async (token: string) => (await api("GET", "/api/accounts/me", { token })).body;
const linkTo = (email: string, after: string[] = []) => waitForLink(inject("dataDir"), email, "verify-email", after);

describe("verified email", () => {
  it("sign-up mails a single-use link; the account is unconfirmed until it is used", async () => {
    const account = await createAccount();
    expect((await me(account.token)).email_verified).toBe(false);
    const token = tokenOf(await linkTo(account.email));

    expectEnvelope(await verify({ token, extra: 1 }), 422, "validation_failed");
    expectEnvelope(await verify({ token: "nfv_not-a-real-token" }), 410, "verification_link_invalid");
    const done = await verify({ token });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ email: account.email, email_verified: true });
    expect((await me(account.token)).email_verified).toBe(true);

    expectEnvelope(await verify({ token }), 410, "verification_link_invalid");
    expectEnvelope(await api("POST", "/api/accounts/email/verification", { token: account.token }), 409, "email_already_verified");
  });

  it("sends the link again at most once a minute, only to the signed-in account", async () => {
    const account = await createAccount();
    const first = await linkTo(account.email);
    expect([401, 403]).toContain((await api("POST", "/api/accounts/email/verification")).status);
    // The sign-up's link went out just now: the next one has to wait.
    const early = await api("POST", "/api/accounts/email/verification", { token: account.token });
    expectEnvelope(early, 429, "rate_limited");
    expect(Number(early.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(linksSentTo(inject("dataDir"), account.email, "verify-email")).toEqual([first]);
  });

  it("an email change unconfirms the account, mails the new address a link and tells the old one", async () => {
    const account = await createAccount();
    const oldLink = await linkTo(account.email);
    const email = `${uniqueName("moved")}@example.com`;
    const changed = await api("PUT", "/api/accounts/email", { token: account.token, body: { email } });
    expect(changed.status).toBe(200);
    expect(await me(account.token)).toMatchObject({ email, email_verified: false });

    const newLink = await linkTo(email);
    for (let i = 0; i < 150 && !mailsSentTo(inject("dataDir"), account.email).some((mail) => mail.includes("was changed to")); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const notice = mailsSentTo(inject("dataDir"), account.email).find((mail) => mail.includes("was changed to"));
    expect(notice).toContain(email);

    // A link sent to the old address confirms nothing any more.
    expectEnvelope(await verify({ token: tokenOf(oldLink) }), 410, "verification_link_invalid");
    expect((await verify({ token: tokenOf(newLink) })).body).toEqual({ email, email_verified: true });

    // The same address in other letters is no change: it stays confirmed, and nothing is mailed.
    expect((await api("PUT", "/api/accounts/email", { token: account.token, body: { email: email.toUpperCase() } })).status).toBe(200);
    expect((await me(account.token)).email_verified).toBe(true);
  });
});
