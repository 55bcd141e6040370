import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Field } from "@/components/forms/field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { PanelSection } from "@/components/site/panel-section";
import type { NotificationType } from "@/db/queries/notifications";
import { getSettings, NOTIFICATION_TYPES } from "@/lib/notifications/settings";
import { requireAccountHolder } from "@/lib/site/session";
import { TIME_ZONE_COOKIE, timeZoneOr } from "@/lib/site/time-zone";
import { notificationSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

const LABELS: Record<NotificationType, { label: string; hint: string }> = {
  new_episode: { label: "New episodes", hint: "Of shows on a profile's list or in its continue watching." },
  title_available: { label: "Titles becoming available", hint: "When a title on a profile's list can be watched." },
  payment_failed: { label: "Payment problems", hint: "When a subscription payment fails, so viewing is not interrupted." },
  new_device: { label: "Sign-ins from a new device", hint: "The alert email itself is set on the security page." },
  rental_expiring: { label: "Rentals about to end", hint: "When a rental has 6 hours left." },
  party_invite: { label: "Watch-party invitations", hint: "When someone invites a profile to watch together." },
};

const ZONES = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];

export default async function NotificationsPage() {
  const principal = await requireAccountHolder("/account/notifications");
  const settings = await getSettings(principal);
  const quiet = settings.quiet_hours;
  const zone = quiet?.time_zone ?? timeZoneOr((await cookies()).get(TIME_ZONE_COOKIE)?.value);

  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-10 sm:py-14">
      <div>
        <h1 className="text-3xl font-semibold sm:text-4xl">Notifications</h1>
        <p className="mt-1 text-muted">
          What NormFlix tells you about, in the bell at the top of the site and by email. Back to your <Link href="/account" className="underline">account</Link>.
        </p>
      </div>

      <ActionForm action={notificationSettingsAction} className="space-y-8" label="Notification settings">
        <PanelSection id="types" title="What to tell you about">
          <div className="divide-y divide-white/10">
            {NOTIFICATION_TYPES.map((type) => (
              <fieldset key={type} className="grid gap-3 py-4 sm:grid-cols-[1fr_auto_auto] sm:items-center sm:gap-8">
                <legend className="contents">
                  <span className="font-medium">{LABELS[type].label}</span>
                </legend>
                <p className="text-sm text-muted sm:col-start-1">{LABELS[type].hint}</p>
                <CheckboxField name={`${type}.in_site`} label="On the site" defaultChecked={settings.types[type].in_site} />
                <CheckboxField name={`${type}.email`} label="By email" defaultChecked={settings.types[type].email} />
              </fieldset>
            ))}
          </div>
        </PanelSection>

        <PanelSection id="quiet-hours" title="Quiet hours" description="Email waits until quiet hours end; the site still shows everything at once.">
          <div className="max-w-md space-y-4">
            <CheckboxField name="quiet" label="Hold email during quiet hours" defaultChecked={quiet !== null} />
            <div className="grid grid-cols-2 gap-4">
              <Field name="quiet_start" label="From" type="time" defaultValue={quiet?.start ?? "22:00"} />
              <Field name="quiet_end" label="Until" type="time" defaultValue={quiet?.end ?? "07:00"} />
            </div>
            <SelectField name="time_zone" label="Time zone" options={ZONES.map((value) => ({ value, label: value.replaceAll("_", " ") }))} defaultValue={zone} />
          </div>
        </PanelSection>

        <SubmitButton pendingLabel="Saving…">Save notification settings</SubmitButton>
      </ActionForm>
    </div>
  );
}
