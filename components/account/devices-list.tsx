import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { signOutDeviceAction, signOutOthersAction } from "@/app/(site)/account/actions";
import type { listDevices } from "@/lib/accounts/sessions";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";

type Device = Awaited<ReturnType<typeof listDevices>>[number];

/** Every signed-in browser and API token of the account, each with its own "Sign out". */
export async function DevicesList({ devices }: { devices: Device[] }) {
  const [f, t] = await Promise.all([getFormat(), getTranslations("account")]);
  const others = devices.filter((device) => !device.current);
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-white/10" aria-label={t("devices.list")}>
        {devices.map((device) => (
          <li key={device.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="font-medium">
                {f.userAgent(device.user_agent)}
                <span className="ml-2 rounded bg-white/10 px-1.5 py-0.5 text-xs font-normal text-neutral-300">
                  {t(device.kind === "web" ? "devices.browser" : "devices.apiToken")}
                </span>
                {device.current && <span className="ml-2 rounded bg-success/20 px-1.5 py-0.5 text-xs font-normal text-success-soft">{t("devices.thisBrowser")}</span>}
              </p>
              <p className="text-sm text-muted">
                {device.ip ?? t("devices.unknownAddress")} · {t("devices.lastActive")} <time dateTime={device.last_seen_at}>{f.relative(device.last_seen_at)}</time> ·{" "}
                {t("devices.signedIn")} <time dateTime={device.created_at}>{f.relative(device.created_at)}</time>
              </p>
            </div>
            {!device.current && (
              <ActionForm action={signOutDeviceAction} className="flex items-center gap-2" label={t("devices.signOutOf", { device: f.userAgent(device.user_agent) })}>
                <input type="hidden" name="session_id" value={device.id} />
                <SubmitButton variant="secondary" pendingLabel={t("form.signingOut")}>
                  {t("devices.signOut")}
                </SubmitButton>
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <ActionForm action={signOutOthersAction} label={t("devices.signOutOthers")}>
          <SubmitButton variant="danger" pendingLabel={t("form.signingOut")}>
            {t("devices.signOutOthers")}
          </SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
