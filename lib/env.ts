import path from "node:path";
import { z } from "zod";

// Every environment variable NormFlix reads, validated once. Documented in .env.example and the README.
const booleanString = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");
const booleanStringDefaultTrue = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === undefined || value === "" || value === "true" || value === "1");

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** An http(s) (or other `protocol`) URL, or unset; an empty value counts as unset. */
const optionalUrl = (protocol = /^https?$/) => z.url({ protocol }).optional().or(z.literal("").transform(() => undefined));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  MEDIA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /** Seconds to wait for a PostgreSQL connection before a request fails with 503. */
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(5),
  /** PostgreSQL cancels an app query running longer than this (503 to the client); 0 turns the limit off. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  TRUST_PROXY: booleanString,
  RATE_LIMIT_MULTIPLIER: z.coerce.number().positive().default(1),
  /** Debugging: log each request's number of database statements, by table read (db/query-trace.ts). */
  TRACE_QUERIES: booleanString,
  /** Lifetime of an API bearer token (fractions allowed: clients using refresh tokens can be given short-lived ones). */
  API_TOKEN_TTL_DAYS: z.coerce.number().positive().max(3650).default(90),
  /** Lifetime of an API refresh token; every refresh issues a new one with this lifetime. */
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().positive().max(3650).default(180),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** Realtime events older than this are pruned: a client that was away longer cannot replay all it missed. */
  REALTIME_RETENTION_HOURS: z.coerce.number().positive().max(8760).default(24),
  /** Whole months of client playback events kept besides the current one (older monthly partitions are dropped); 0 keeps all. */
  ANALYTICS_RETENTION_MONTHS: z.coerce.number().int().min(0).max(1200).default(13),
  /** on: seed the demo catalog with video on a first start; metadata: titles and artwork only; off: nothing. */
  DEMO_CATALOG: z.enum(["on", "metadata", "off"]).default("on"),
  WORKER_IN_PROCESS: booleanStringDefaultTrue,
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  JOB_HEARTBEAT_TIMEOUT_SECONDS: z.coerce.number().positive().max(86_400).default(60),
  TRANSCODE_PRESET: z
    .enum(["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"])
    .default("veryfast"),
  /** Live channels: the ports their ingests listen on for RTMP pushes, one per channel, handed out lowest first ("1935-1949"). */
  LIVE_RTMP_PORTS: z
    .string()
    .regex(/^\d{1,5}-\d{1,5}$/, "a range of ports, e.g. 1935-1949")
    .default("1935-1949")
    .transform((value) => value.split("-").map(Number) as [number, number])
    .refine(([from, to]) => from >= 1 && from <= to && to <= 65535, "from ≤ to, within 1–65535"),
  /** The host name encoders push to, shown to admins (rtmp://<host>:<port>/live/<key>); from APP_URL's host when unset. */
  LIVE_RTMP_HOST: optionalString,
  /** How far back viewers may rewind a live channel (its DVR window), in seconds. */
  LIVE_DVR_SECONDS: z.coerce.number().int().min(10).max(86_400).default(7_200),
  /** x264 preset of the live ladder: it must keep up in real time on the worker's cores. */
  LIVE_ENCODER_PRESET: z
    .enum(["ultrafast", "superfast", "veryfast", "faster", "fast", "medium"])
    .default("veryfast"),
  /** Largest video an admin may upload, in bytes (default 50 GiB). */
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(50 * 1024 ** 3),
  FFMPEG_PATH: z.string().optional(),
  FFPROBE_PATH: z.string().optional(),
  /** Public base URL of the site (Stripe Checkout and Portal return here, reset links point here); from HOST/PORT when unset. */
  APP_URL: optionalUrl(),
  /** Outgoing mail (password reset links) through this SMTP server; unset: each message is written to DATA_DIR/mail. */
  SMTP_URL: optionalUrl(/^smtps?$/),
  /** The From address of NormFlix's mail. */
  MAIL_FROM: z.string().min(3).default("NormFlix <no-reply@normflix.localhost>"),
  /** How long a password reset link works. */
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(10_080).default(60),
  EMAIL_VERIFICATION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(48),
  /** Stripe billing: all of these, or none (the local provider: plan changes apply at once, no payment). */
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_PRICE_BASIC: optionalString,
  STRIPE_PRICE_STANDARD: optionalString,
  STRIPE_PRICE_PREMIUM: optionalString,
  STRIPE_PRICE_BASIC_YEARLY: optionalString,
  STRIPE_PRICE_STANDARD_YEARLY: optionalString,
  STRIPE_PRICE_PREMIUM_YEARLY: optionalString,
  /** Testing/development only: send Stripe API calls to this base URL (a local fake or mock) instead of api.stripe.com. */
  STRIPE_API_BASE: optionalUrl(),
  /** Days a subscription whose payment failed (past_due) keeps access before it ends. */
  BILLING_GRACE_DAYS: z.coerce.number().min(0).max(60).default(7),
  /** Signs media URLs (nginx secure_link_md5 form); generated into DATA_DIR when unset. Share it across instances. */
  MEDIA_SIGNING_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .regex(/^[A-Za-z0-9._~+/=-]+$/, "letters, digits and ._~+/=- only (it is written into nginx's config)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Signs and encrypts site sessions; generated once into DATA_DIR/auth-secret when unset. */
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The site's public URL when the Host header differs from it; next-auth reads it from the environment itself. */
  AUTH_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Single sign-on with Google (an OAuth client of type "Web application"); both or neither. */
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  /** Sign in with Apple: the Services ID, and the client secret JWT made from its key; both or neither. */
  AUTH_APPLE_ID: optionalString,
  AUTH_APPLE_SECRET: optionalString,
  /** Single sign-on with any OpenID Connect issuer (discovered at ISSUER/.well-known/openid-configuration). */
  OIDC_ISSUER: optionalUrl(),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  /** The issuer's name on the sign-in button ("Sign in with …"). */
  OIDC_NAME: z.string().trim().min(1).max(40).default("single sign-on"),
  /** How long a browser stays signed in without signing in again, however much it is used (fractions allowed). */
  WEB_SESSION_TTL_DAYS: z.coerce.number().positive().max(365).default(30),
  /** A browser that has not used its session for this long is signed out (fractions allowed). */
  WEB_SESSION_IDLE_HOURS: z.coerce.number().positive().max(8760).default(336),
}).superRefine((values, ctx) => {
  // A single sign-on provider is configured whole or not at all.
  const groups = [
    ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
    ["AUTH_APPLE_ID", "AUTH_APPLE_SECRET"],
    ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"],
  ] as const;
  for (const group of groups) {
    const given = group.filter((name) => values[name]);
    if (given.length === 0 || given.length === group.length) continue;
    for (const name of group) {
      if (!values[name]) ctx.addIssue({ code: "custom", path: [name], message: `is required when ${given.join(" and ")} is set` });
    }
  }
  if (!values.STRIPE_SECRET_KEY) return;
  for (const name of ["STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_BASIC", "STRIPE_PRICE_STANDARD", "STRIPE_PRICE_PREMIUM"] as const) {
    if (!values[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required when STRIPE_SECRET_KEY is set" });
  }
});

export type Env = z.infer<typeof schema>;

function loadEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return parsed.data;
}

export const env = loadEnv();

export const dataDir = path.resolve(env.DATA_DIR);

/** Video, artwork and subtitles; DATA_DIR/media unless MEDIA_DIR says otherwise. */
export const mediaDir = path.resolve(env.MEDIA_DIR ?? path.join(dataDir, "media"));

/** Where users reach the site: APP_URL, else http://<HOST or localhost>:<PORT>. No trailing slash. */
export const appUrl = (
  env.APP_URL ?? `http://${env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST}:${env.PORT}`
).replace(/\/+$/, "");
