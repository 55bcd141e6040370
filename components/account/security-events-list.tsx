import type { recentSecurityEvents } from "@/lib/accounts/security-events";
import { ssoProviderName } from "@/lib/accounts/sso-providers";
import { getFormat } from "@/lib/i18n/server";

type SecurityEvent = Awaited<ReturnType<typeof recentSecurityEvents>>["items"][number];

const LABELS: Record<SecurityEvent["kind"], string> = {
  sign_in: "Signed in",
  password_changed: "Password changed",
  password_reset: "Password reset with an emailed link",
  email_changed: "Email address changed",
  two_factor_enabled: "Two-factor sign-in turned on",
  two_factor_disabled: "Two-factor sign-in turned off",
  recovery_code_used: "Signed in with a recovery code",
  refresh_token_reuse: "A used refresh token was presented again: that app's session was signed out",
  session_ended_from_alert: "A session was ended from a sign-in alert",
  settings_changed: "Security settings changed",
  sso_sign_in: "Signed in with",
  identity_linked: "Linked a sign-in with",
  identity_unlinked: "Unlinked the sign-in with",
};

/** The account's recent security events, newest first. */
export async function SecurityEventsList({ events }: { events: SecurityEvent[] }) {
  const f = await getFormat();
  if (events.length === 0) return <p className="text-muted">Nothing yet.</p>;
  return (
    <ul className="divide-y divide-white/10" aria-label="Recent security events">
      {events.map((event) => (
        <li key={event.id} className="py-3">
          <p className={event.kind === "refresh_token_reuse" ? "font-medium text-danger-soft" : "font-medium"}>
            {LABELS[event.kind]}
            {event.detail && ` ${ssoProviderName(event.detail)}`}
          </p>
          <p className="text-sm text-muted">
            <time dateTime={event.created_at}>{f.relative(event.created_at)}</time>
            {event.user_agent && ` · ${f.userAgent(event.user_agent)}`}
            {event.ip && ` · ${event.ip}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
