import type { Metadata } from "next";
import Link from "next/link";
import { SecurityEventsList } from "@/components/account/security-events-list";
import { TwoFactorSetup } from "@/components/account/two-factor-setup";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Field } from "@/components/forms/field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { PanelSection } from "@/components/site/panel-section";
import { identitiesOf } from "@/lib/accounts/identities";
import { recentSecurityEvents } from "@/lib/accounts/security-events";
import { AUTO_LOGOUT_CHOICES, getSecuritySettings } from "@/lib/accounts/security-settings";
import { unusedRecoveryCodes } from "@/lib/accounts/two-factor";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { requireAccountHolder } from "@/lib/site/session";
import { disableTwoFactorAction, enableTwoFactorAction, securitySettingsAction, setUpTwoFactorAction, unlinkIdentityAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title") };
}

type T = Awaited<ReturnType<typeof getTranslations<"security">>>;

function autoLogoutLabel(minutes: number, t: T): string {
  if (minutes < 60) return t("autoLogout.minutes", { minutes });
  if (minutes < 1440) return t("autoLogout.hours", { hours: minutes / 60 });
  return t("autoLogout.days", { days: minutes / 1440 });
}

export default async function SecurityPage() {
  const [f, t] = await Promise.all([getFormat(), getTranslations("security")]);
  const AUTO_LOGOUT_OPTIONS = [
    { value: "off", label: t("autoLogout.never") },
    ...AUTO_LOGOUT_CHOICES.map((minutes) => ({ value: String(minutes), label: autoLogoutLabel(minutes, t) })),
  ];
  const principal = await requireAccountHolder("/account/security");
  const [settings, events, recoveryCodesLeft, identities] = await Promise.all([
    getSecuritySettings(principal.accountId),
    recentSecurityEvents(principal.accountId, 30),
    unusedRecoveryCodes(principal.accountId),
    identitiesOf(principal.accountId),
  ]);
  const autoLogout = settings.auto_logout_minutes === null ? "off" : String(settings.auto_logout_minutes);
  // A value set through the API that the form does not offer stays selectable as it is.
  const options = AUTO_LOGOUT_OPTIONS.some((option) => option.value === autoLogout)
    ? AUTO_LOGOUT_OPTIONS
    : [...AUTO_LOGOUT_OPTIONS, { value: autoLogout, label: autoLogoutLabel(settings.auto_logout_minutes!, t) }];

  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-10 sm:py-14">
      <div>
        <h1 className="text-3xl font-semibold sm:text-4xl">{t("title")}</h1>
        <p className="mt-1 text-muted">
          {t.rich("intro", {
            link: (chunks) => (
              <Link href="/account" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>

      <PanelSection
        id="two-factor"
        title={t("twoFactor")}
        description={t("twoFactorText")}
      >
        {settings.two_factor_enabled ? (
          <div className="space-y-4">
            <p role="status" className="font-medium text-success-soft">
              {t("twoFactorOn", { left: recoveryCodesLeft })}
            </p>
            <ActionForm action={disableTwoFactorAction} className="max-w-md space-y-4" label={t("turnOff")}>
              <Field name="password" label={t("password")} type="password" autoComplete="current-password" required />
              <Field name="code" label={t("codeOrRecovery")} autoComplete="one-time-code" required />
              <SubmitButton variant="danger" pendingLabel={t("turningOff")}>
                {t("turnOff")}
              </SubmitButton>
            </ActionForm>
          </div>
        ) : (
          <TwoFactorSetup setUpAction={setUpTwoFactorAction} enableAction={enableTwoFactorAction} />
        )}
      </PanelSection>

      <PanelSection
        id="identities"
        title={t("identities")}
        description={t("identitiesText")}
      >
        {identities.items.length === 0 ? (
          <p className="text-muted">{t("noIdentities")}</p>
        ) : (
          <ul className="divide-y divide-white/10" aria-label={t("linkedIdentities")}>
            {identities.items.map((identity) => (
              <li key={identity.provider} className="py-3">
                <ActionForm action={unlinkIdentityAction} className="flex flex-wrap items-center justify-between gap-3" label={t("unlinkOf", { provider: identity.provider_name })}>
                  <div>
                    <p className="font-medium">{identity.provider_name}</p>
                    <p className="text-sm text-muted">
                      {identity.email ?? identity.subject} · {t("linked")} <time dateTime={identity.created_at}>{f.date(identity.created_at)}</time>
                    </p>
                  </div>
                  <input type="hidden" name="provider" value={identity.provider} />
                  <SubmitButton variant="danger" pendingLabel={t("unlinking")}>
                    {t("unlink")}
                  </SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </PanelSection>

      <PanelSection id="alerts" title={t("alerts")}>
        <ActionForm action={securitySettingsAction} className="max-w-md space-y-4" label={t("settings")}>
          <CheckboxField
            name="login_alerts"
            label={t("loginAlerts")}
            hint={t("loginAlertsHint")}
            defaultChecked={settings.login_alerts}
          />
          <SelectField
            name="auto_logout"
            label={t("autoLogoutLabel")}
            options={options}
            defaultValue={autoLogout}
            hint={t("autoLogoutHint")}
          />
          <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection id="events" title={t("events")} description={t("eventsText")}>
        <SecurityEventsList events={events.items} />
      </PanelSection>
    </div>
  );
}
