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
import { requireAccountHolder } from "@/lib/site/session";
import { disableTwoFactorAction, enableTwoFactorAction, securitySettingsAction, setUpTwoFactorAction, unlinkIdentityAction } from "./actions";

export const metadata: Metadata = { title: "Security" };

function autoLogoutLabel(minutes: number): string {
  if (minutes < 60) return `After ${minutes} minutes unused`;
  if (minutes < 1440) return `After ${minutes / 60} ${minutes === 60 ? "hour" : "hours"} unused`;
  return `After ${minutes / 1440} ${minutes === 1440 ? "day" : "days"} unused`;
}

const AUTO_LOGOUT_OPTIONS = [
  { value: "off", label: "Never (the usual limits apply)" },
  ...AUTO_LOGOUT_CHOICES.map((minutes) => ({ value: String(minutes), label: autoLogoutLabel(minutes) })),
];

export default async function SecurityPage() {
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
    : [...AUTO_LOGOUT_OPTIONS, { value: autoLogout, label: autoLogoutLabel(settings.auto_logout_minutes!) }];

  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-10 sm:py-14">
      <div>
        <h1 className="text-3xl font-semibold sm:text-4xl">Security</h1>
        <p className="mt-1 text-muted">
          How your account is protected. Password, email and signed-in devices are on your <Link href="/account" className="underline">account page</Link>.
        </p>
      </div>

      <PanelSection
        id="two-factor"
        title="Two-factor sign-in"
        description="Signing in asks for a code from an authenticator app on your phone after your password."
      >
        {settings.two_factor_enabled ? (
          <div className="space-y-4">
            <p role="status" className="font-medium text-success-soft">
              On. {recoveryCodesLeft} of 10 recovery codes unused.
            </p>
            <ActionForm action={disableTwoFactorAction} className="max-w-md space-y-4" label="Turn off two-factor sign-in">
              <Field name="password" label="Password" type="password" autoComplete="current-password" required />
              <Field name="code" label="Code from the app, or a recovery code" autoComplete="one-time-code" required />
              <SubmitButton variant="danger" pendingLabel="Turning off…">
                Turn off two-factor sign-in
              </SubmitButton>
            </ActionForm>
          </div>
        ) : (
          <TwoFactorSetup setUpAction={setUpTwoFactorAction} enableAction={enableTwoFactorAction} />
        )}
      </PanelSection>

      <PanelSection
        id="identities"
        title="Sign-in with other services"
        description="Identities at Google, Apple or your organisation that sign in to this account. One can be unlinked while the account keeps another way in: a password or another identity."
      >
        {identities.items.length === 0 ? (
          <p className="text-muted">None linked. Sign in with a provider whose verified address is this account&apos;s to link it.</p>
        ) : (
          <ul className="divide-y divide-white/10" aria-label="Linked identities">
            {identities.items.map((identity) => (
              <li key={identity.provider} className="py-3">
                <ActionForm action={unlinkIdentityAction} className="flex flex-wrap items-center justify-between gap-3" label={`Unlink ${identity.provider_name}`}>
                  <div>
                    <p className="font-medium">{identity.provider_name}</p>
                    <p className="text-sm text-muted">
                      {identity.email ?? identity.subject} · linked <time dateTime={identity.created_at}>{new Date(identity.created_at).toLocaleDateString("en")}</time>
                    </p>
                  </div>
                  <input type="hidden" name="provider" value={identity.provider} />
                  <SubmitButton variant="danger" pendingLabel="Unlinking…">
                    Unlink
                  </SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </PanelSection>

      <PanelSection id="alerts" title="Sign-in alerts and auto-logout">
        <ActionForm action={securitySettingsAction} className="max-w-md space-y-4" label="Security settings">
          <CheckboxField
            name="login_alerts"
            label="Email me when my account signs in from a new device"
            hint="With the device, its address and the time, and a link to end that session."
            defaultChecked={settings.login_alerts}
          />
          <SelectField
            name="auto_logout"
            label="Sign out devices I stop using"
            options={options}
            defaultValue={autoLogout}
            hint="Applies to every browser and app signed in to your account, including this one."
          />
          <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection id="events" title="Recent security events" description="Sign-ins and changes to how you sign in, newest first.">
        <SecurityEventsList events={events.items} />
      </PanelSection>
    </div>
  );
}
