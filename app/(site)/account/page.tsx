import type { Metadata } from "next";
import { DevicesList } from "@/components/account/devices-list";
import { PlanSection } from "@/components/account/plan-section";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { PanelSection } from "@/components/site/panel-section";
import { describeAccount } from "@/lib/accounts/accounts";
import { listDevices } from "@/lib/accounts/sessions";
import { PLAN_IDS, type PlanId } from "@/lib/billing/plans";
import { formatDate } from "@/lib/site/format";
import { requirePrincipal } from "@/lib/site/session";
import { changeEmailAction, changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

type Props = { searchParams: Promise<{ welcome?: string; plan?: string }> };


export default async function AccountPage({ searchParams }: Props) {
  const { welcome, plan } = await searchParams;
  const principal = await requirePrincipal("/account");
  const [account, devices] = await Promise.all([describeAccount(principal), listDevices(principal)]);
  const suggested = PLAN_IDS.find((id) => id === plan) as PlanId | undefined;

  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-10 sm:py-14">
      <div>
        <h1 className="text-3xl font-semibold sm:text-4xl">Account</h1>
        <p className="mt-1 text-muted">
          {account.username} · member since {formatDate(account.created_at)}
        </p>
      </div>
      {welcome && account.subscription.plan === null && (
        <p role="status" className="rounded-lg bg-brand/15 p-4 ring-1 ring-brand/50">
          Welcome to NormFlix, {account.username}! Choose a plan below to start watching.
        </p>
      )}

      <PanelSection id="plan" title="Plan">
        <PlanSection subscription={account.subscription} profileCount={account.profile_count} suggested={suggested} />
      </PanelSection>

      <PanelSection id="email" title="Email">
        <ActionForm action={changeEmailAction} className="max-w-md space-y-4" label="Change email">
          <Field name="email" label="Email address" type="email" autoComplete="email" defaultValue={account.email} required />
          <SubmitButton pendingLabel="Saving…">Save email</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection id="password" title="Password" description="Changing your password signs out every other device and API token.">
        <ActionForm action={changePasswordAction} className="max-w-md space-y-4" label="Change password">
          <Field name="current_password" label="Current password" type="password" autoComplete="current-password" required />
          <Field name="new_password" label="New password" type="password" autoComplete="new-password" minLength={8} required hint="At least 8 characters." />
          <Field name="confirm_password" label="Confirm new password" type="password" autoComplete="new-password" required />
          <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection id="devices" title="Devices" description="Browsers and apps signed in to your account.">
        <DevicesList devices={devices} />
      </PanelSection>
    </div>
  );
}
