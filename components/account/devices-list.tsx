import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { signOutDeviceAction, signOutOthersAction } from "@/app/(site)/account/actions";
import type { listDevices } from "@/lib/accounts/sessions";
import { getFormat } from "@/lib/i18n/server";

type Device = Awaited<ReturnType<typeof listDevices>>[number];

/** Every signed-in browser and API token of the account, each with its own "Sign out". */
export async function DevicesList({ devices }: { devices: Device[] }) {
  const f = await getFormat();
  const others = devices.filter((device) => !device.current);
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-white/10" aria-label="Signed-in devices">
        {devices.map((device) => (
          <li key={device.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="font-medium">
                {f.userAgent(device.user_agent)}
                <span className="ml-2 rounded bg-white/10 px-1.5 py-0.5 text-xs font-normal text-neutral-300">
                  {device.kind === "web" ? "Browser" : "API token"}
                </span>
                {device.current && <span className="ml-2 rounded bg-success/20 px-1.5 py-0.5 text-xs font-normal text-success-soft">This browser</span>}
              </p>
              <p className="text-sm text-muted">
                {device.ip ?? "Unknown address"} · last active <time dateTime={device.last_seen_at}>{f.relative(device.last_seen_at)}</time> ·
                signed in <time dateTime={device.created_at}>{f.relative(device.created_at)}</time>
              </p>
            </div>
            {!device.current && (
              <ActionForm action={signOutDeviceAction} className="flex items-center gap-2" label={`Sign out ${f.userAgent(device.user_agent)}`}>
                <input type="hidden" name="session_id" value={device.id} />
                <SubmitButton variant="secondary" pendingLabel="Signing out…">
                  Sign out
                </SubmitButton>
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <ActionForm action={signOutOthersAction} label="Sign out of all other devices">
          <SubmitButton variant="danger" pendingLabel="Signing out…">
            Sign out of all other devices
          </SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
