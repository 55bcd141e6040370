import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Field } from "@/components/forms/field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { PanelSection } from "@/components/site/panel-section";
import { getSettings, NOTIFICATION_TYPES } from "@/lib/notifications/settings";
import { getTranslations } from "next-intl/server";
import { requireAccountHolder } from "@/lib/site/session";
import { TIME_ZONE_COOKIE, timeZoneOr } from "@/lib/site/time-zone";
import { notificationSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notificationSettings"))("title") };
}

const ZONES = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];

export default async function NotificationsPage() {
  const principal = await requireAccountHolder("/account/notifications");
  const [settings, t] = await Promise.all([getSettings(principal), getTranslations("notificationSettings")]);
  const quiet = settings.quiet_hours;
  const zone = quiet?.time_zone ?? timeZoneOr((await cookies()).get(TIME_ZONE_COOKIE)?.value);

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

      <ActionForm action={notificationSettingsAction} className="space-y-8" label={t("form")}>
        <PanelSection id="types" title={t("types")}>
          <div className="divide-y divide-white/10">
            {NOTIFICATION_TYPES.map((type) => (
              <fieldset key={type} className="grid gap-3 py-4 sm:grid-cols-[1fr_auto_auto] sm:items-center sm:gap-8">
                <legend className="contents">
                  <span className="font-medium">{t(`type.${type}.label`)}</span>
                </legend>
                <p className="text-sm text-muted sm:col-start-1">{t(`type.${type}.hint`)}</p>
                <CheckboxField name={`${type}.in_site`} label={t("inSite")} defaultChecked={settings.types[type].in_site} />
                <CheckboxField name={`${type}.email`} label={t("email")} defaultChecked={settings.types[type].email} />
              </fieldset>
            ))}
          </div>
        </PanelSection>

        <PanelSection id="quiet-hours" title={t("quiet")} description={t("quietText")}>
          <div className="max-w-md space-y-4">
            <CheckboxField name="quiet" label={t("hold")} defaultChecked={quiet !== null} />
            <div className="grid grid-cols-2 gap-4">
              <Field name="quiet_start" label={t("from")} type="time" defaultValue={quiet?.start ?? "22:00"} />
              <Field name="quiet_end" label={t("until")} type="time" defaultValue={quiet?.end ?? "07:00"} />
            </div>
            <SelectField name="time_zone" label={t("timeZone")} options={ZONES.map((value) => ({ value, label: value.replaceAll("_", " ") }))} defaultValue={zone} />
          </div>
        </PanelSection>

        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </ActionForm>
    </div>
  );
}
