// The failed-sign-in throttle at the service level, on this file's own database: each test is an attack that used to
// get past it (spellings that reach one account under different counters, guesses sent all at once, a disabled
// account's answer telling a right password from a wrong one).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { insertAccount } from "@/db/queries/accounts";
import { setAccountDisabled } from "@/db/queries/admin-users";
import { ApiError } from "@/lib/api/errors";
import { useDatabase } from "@/test/database";
import { verifyCredentials } from "./accounts";
import { startLoginAttempt } from "./login-throttle";
import { hashPassword } from "./password";

useDatabase();

const PASSWORD = "the right password";
let ipSeq = 0;
const newIp = () => `198.51.${100 + Math.floor(Math.random() * 100)}.${++ipSeq}`;

async function newAccount() {
  // "i" in the name: "İ" (U+0130) lowercases to "i" in the database but to "i̇" (two code points) in JavaScript.
  const username = `tim_${randomUUID().slice(0, 8)}`;
  return insertAccount({ username, email: `${username}@example.com`, passwordHash: await hashPassword(PASSWORD) });
}

/** The answer a sign-in gets, as the API would send it. */
async function answerTo(username: string, password: string, ip: string) {
  try {
    await verifyCredentials({ username, password }, { ip });
    return { status: 200 };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.status, code: error.code, message: error.message };
  }
}

describe("the failed-sign-in throttle", () => {
  it("counts every spelling that reaches the account under one counter (case and Unicode variants)", async () => {
    const account = await newAccount();
    const dotted = account.username.replace("i", "İ");
    const variants = [account.username, dotted, account.username.toUpperCase(), dotted.toUpperCase(), `T${dotted.slice(1)}`];
    // Each spelling really is the account: it signs in with the right password.
    for (const variant of variants) expect((await answerTo(variant, PASSWORD, newIp())).status, variant).toBe(200);

    const attacker = newIp();
    const statuses = [];
    for (let i = 0; i < 15; i++) statuses.push((await answerTo(variants[i % variants.length], `guess ${i}`, attacker)).status);
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(5).fill(429)]);
    // Blocked for every spelling, the right password included, from that address.
    for (const variant of variants) expect((await answerTo(variant, PASSWORD, attacker)).status, variant).toBe(429);
  });

  it("lets at most the limit of 20 concurrent wrong passwords through to a password check", async () => {
    const account = await newAccount();
    const ip = newIp();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => answerTo(account.username, `guess ${i}`, ip)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(10).fill(429)]);
  });

  it("does not count successful sign-ins against the address's budget", async () => {
    const ip = newIp();
    // 120 sign-ins from one address (an office) succeed; each gives its slot back, so the 100 a window stay free.
    for (let i = 0; i < 120; i++) await (await startLoginAttempt(`user_${i}_${randomUUID()}`, ip)).succeeded();
    const failures = [];
    for (let i = 0; i < 100; i++) failures.push(startLoginAttempt(`other_${i}_${randomUUID()}`, ip));
    await Promise.all(failures);
    await expect(startLoginAttempt(`one_more_${randomUUID()}`, ip)).rejects.toMatchObject({ code: "rate_limited" });
  });
});

describe("a disabled account", () => {
  it("answers a right password exactly as a wrong one, and counts it as a failure", async () => {
    const account = await newAccount();
    await setAccountDisabled(account.id, true);
    const ip = newIp();
    const right = await answerTo(account.username, PASSWORD, ip);
    const wrong = await answerTo(account.username, "a wrong password", ip);
    expect(right).toEqual({ status: 401, code: "invalid_credentials", message: "The username or password is incorrect." });
    expect(right).toEqual(wrong);

    for (let i = 0; i < 8; i++) expect((await answerTo(account.username, PASSWORD, ip)).status).toBe(401);
    expect((await answerTo(account.username, PASSWORD, ip)).status).toBe(429);

    await setAccountDisabled(account.id, false);
    expect((await answerTo(account.username, PASSWORD, newIp())).status).toBe(200);
  });
});
