// A NormFlix server of its own with Stripe billing pointed at a FakeStripe, and a client for it (the shared test
// server runs the local provider).
import fs from "node:fs";
import Stripe from "stripe";
import { createTestDatabase, startServer, tempDataDir, type ServerHandle } from "../server-process";
import { FakeStripe, type FakeEvent } from "./fake-stripe";

export const WEBHOOK_SECRET = "whsec_fake_normflix_tests";
export const PRICES = { basic: "price_fake_basic", standard: "price_fake_standard", premium: "price_fake_premium" };
export const YEARLY_PRICES = { basic: "price_fake_basic_yearly", standard: "price_fake_standard_yearly", premium: "price_fake_premium_yearly" };
export const APP_URL = "https://normflix.test";

export type Response = { status: number; body: any; headers: Headers };
export type StripeApp = {
  fake: FakeStripe;
  server: ServerHandle;
  call: (method: string, path: string, options?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> }) => Promise<Response>;
  /** Posts an event to the webhook, signed with `secret` (the configured one by default) by the real library. */
  deliver: (event: FakeEvent, secret?: string) => Promise<Response>;
  stop: () => Promise<void>;
};

export async function startStripeApp(env: Record<string, string> = {}): Promise<StripeApp> {
  const fake = new FakeStripe({
    [PRICES.basic]: 799,
    [PRICES.standard]: 1549,
    [PRICES.premium]: 2499,
    [YEARLY_PRICES.basic]: { amount: 7900, interval: "year" },
    [YEARLY_PRICES.standard]: { amount: 14900, interval: "year" },
    [YEARLY_PRICES.premium]: { amount: 23900, interval: "year" },
  });
  await fake.start();
  const database = process.env.TEST_DATABASE_URL ? await createTestDatabase(process.env.TEST_DATABASE_URL) : undefined;
  const dataDir = tempDataDir("stripe");
  const server = await startServer({
    DATA_DIR: dataDir,
    DATABASE_URL: database?.url ?? "",
    DEMO_CATALOG: "off",
    RATE_LIMIT_MULTIPLIER: "50",
    TRUST_PROXY: "true",
    APP_URL,
    STRIPE_SECRET_KEY: "sk_test_fake",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_PRICE_BASIC: PRICES.basic,
    STRIPE_PRICE_STANDARD: PRICES.standard,
    STRIPE_PRICE_PREMIUM: PRICES.premium,
    STRIPE_PRICE_BASIC_YEARLY: YEARLY_PRICES.basic,
    STRIPE_PRICE_STANDARD_YEARLY: YEARLY_PRICES.standard,
    STRIPE_PRICE_PREMIUM_YEARLY: YEARLY_PRICES.premium,
    STRIPE_API_BASE: fake.url,
    ...env,
  });

  const call: StripeApp["call"] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const response = await fetch(server.url + path, { method, headers, body, redirect: "manual" });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };

  const deliver: StripeApp["deliver"] = (event, secret = WEBHOOK_SECRET) => {
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    return call("POST", "/api/billing/webhook", { raw: payload, headers: { "stripe-signature": signature } });
  };

  return {
    fake,
    server,
    call,
    deliver,
    stop: async () => {
      const code = await server.stop();
      if (code !== 0) console.error(`Stripe test server exited with ${code}:\n${server.output()}`);
      await fake.stop();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
