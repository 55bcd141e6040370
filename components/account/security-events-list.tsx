import type { recentSecurityEvents } from "@/lib/accounts/security-events";
import { ssoProviderName } from "@/lib/accounts/sso-providers";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";

type SecurityEvent = Awaited<ReturnType<typeof recentSecurityEvents>>["items"][number];

// Events that name a sign-in provider (their detail).
const WITH_PROVIDER = new Set<SecurityEvent["kind"]>(["sso_sign_in", "identity_linked", "identity_unlinked"]);

/** The account's recent security events, newest first. */
export async function SecurityEventsList({ events }: { events: SecurityEvent[] }) {
  const [f, t] = await Promise.all([getFormat(), getTranslations("security")]);
  if (events.length === 0) return <p className="text-muted">{t("nothingYet")}</p>;
  return (
    <ul className="divide-y divide-white/10" aria-label={t("events")}>
      {events.map((event) => (
        <li key={event.id} className="py-3">
          <p className={event.kind === "refresh_token_reuse" ? "font-medium text-danger-soft" : "font-medium"}>
            {WITH_PROVIDER.has(event.kind)
              ? t(`event.${event.kind}`, { provider: event.detail ? ssoProviderName(event.detail) : "" }).trim()
              : `${t(`event.${event.kind}`)}${event.detail ? ` ${ssoProviderName(event.detail)}` : ""}`}
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
