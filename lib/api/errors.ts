// One error type for every expected failure; its code decides the HTTP status and the envelope
// `{ "error": { "code", "message", "details"? } }`.

const statusByCode = {
  invalid_json: 400,
  bad_request: 400,
  invalid_signature: 400,
  invalid_credentials: 401,
  refresh_token_invalid: 401,
  refresh_token_reused: 401,
  two_factor_required: 401,
  subscription_required: 402,
  payment_method_required: 402,
  payment_failed: 402,
  purchase_required: 402,
  forbidden: 403,
  maturity_restricted: 403,
  profile_locked: 403,
  pin_incorrect: 403,
  kids_profile: 403,
  genre_blocked: 403,
  viewing_limit_reached: 403,
  current_password_incorrect: 403,
  not_party_host: 403,
  two_factor_code_incorrect: 403,
  identity_email_unverified: 403,
  identity_email_missing: 403,
  not_found: 404,
  session_not_found: 404,
  movie_not_found: 404,
  show_not_found: 404,
  episode_not_found: 404,
  profile_not_found: 404,
  progress_not_found: 404,
  stream_not_found: 404,
  title_not_found: 404,
  offer_not_found: 404,
  payment_method_not_found: 404,
  not_in_continue_watching: 404,
  not_on_watchlist: 404,
  not_in_history: 404,
  review_not_found: 404,
  party_not_found: 404,
  member_not_found: 404,
  channel_not_found: 404,
  collection_not_found: 404,
  identity_not_found: 404,
  method_not_allowed: 405,
  username_taken: 409,
  two_factor_enabled: 409,
  two_factor_not_set_up: 409,
  email_taken: 409,
  email_already_verified: 409,
  conflict: 409,
  billing_portal_unavailable: 409,
  payment_methods_unavailable: 409,
  payment_method_in_use: 409,
  coupon_exists: 409,
  interval_unavailable: 409,
  subscription_not_active: 409,
  subscription_not_pausable: 409,
  nothing_to_resume: 409,
  profile_exists: 409,
  progress_exists: 409,
  stream_limit_reached: 409,
  already_purchased: 409,
  media_not_ready: 409,
  party_full: 409,
  channel_number_taken: 409,
  rtmp_port_taken: 409,
  no_rtmp_port_free: 409,
  channel_off_air: 409,
  not_a_live_channel: 409,
  collection_slug_taken: 409,
  identity_in_use: 409,
  last_sign_in_method: 409,
  reset_link_invalid: 410,
  verification_link_invalid: 410,
  party_ended: 410,
  link_request_invalid: 410,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  cannot_invite_self: 422,
  coupon_invalid: 422,
  unknown_parameter: 422,
  upgrade_required: 426,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof statusByCode;

export const statusOf = (code: ErrorCode): number => statusByCode[code];

const defaultMessages: Partial<Record<ErrorCode, string>> = {
  forbidden: "A valid bearer token is required for this endpoint.",
  not_found: "Nothing exists at this address.",
  internal_error: "Something went wrong on our side. Please try again.",
  service_unavailable: "NormFlix is temporarily unavailable. Please try again shortly.",
  rate_limited: "Too many requests. Please slow down and try again later.",
};

export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? defaultMessages[code] ?? code.replaceAll("_", " "));
    this.name = "ApiError";
    this.status = statusByCode[code];
  }
}

export function errorResponse(error: ApiError, headers?: HeadersInit): Response {
  const body = { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
  const response = Response.json(body, { status: error.status, headers });
  for (const [name, value] of Object.entries(error.headers ?? {})) response.headers.set(name, value);
  return response;
}

// Socket errors, postgres.js's own connection errors, and SQLSTATEs: query_canceled (statement_timeout),
// lock_not_available (lock_timeout), admin/crash shutdown, cannot connect now, connection failure/exception.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN",
  "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED",
  "57014", "55P03", "57P01", "57P02", "57P03", "08006", "08001", "08003",
]);

/**
 * Errors from a database that cannot serve us right now: connection refused, cut, terminated or timed out, or a
 * query cancelled by `statement_timeout` or `lock_timeout`. All are worth retrying shortly (503).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
  }
  return false;
}

/** The name of the unique constraint a write violated, if that is why it failed. */
export function uniqueViolation(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") {
      const withName = e as { constraint_name?: string; constraint?: string };
      return withName.constraint_name ?? withName.constraint ?? "";
    }
  }
  return undefined;
}

/** Whether the write failed on a CHECK constraint (SQLSTATE 23514). */
export function checkViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23514") return true;
  }
  return false;
}
