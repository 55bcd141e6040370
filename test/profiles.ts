// A premium member with profiles made (and set) through the API, for the profile and kids tests.
import { expect } from "vitest";
import { api, createAccount, type TestAccount } from "./http";

export const profilePath = (name: string, rest = "") => `/api/profiles/${encodeURIComponent(name)}${rest}`;

export async function memberWithProfiles(...profiles: Array<{ name: string; settings?: Record<string, unknown> }>): Promise<TestAccount> {
  const account = await createAccount();
  expect((await api("PUT", "/api/accounts/subscription", { token: account.token, body: { subscription: "premium" } })).status).toBe(200);
  for (const { name, settings } of profiles) {
    expect((await api("POST", profilePath(name, "/new"), { token: account.token })).status).toBe(200);
    if (settings) expect((await api("PATCH", profilePath(name), { token: account.token, body: settings })).status).toBe(200);
  }
  return account;
}
