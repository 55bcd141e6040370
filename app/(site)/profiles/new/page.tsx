import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { ProfileSettingsFields } from "@/components/profiles/profile-settings-fields";
import { UpgradePrompt } from "@/components/profiles/upgrade-prompt";
import { UpgradeOnLimit } from "@/components/profiles/upgrade-on-limit";
import { AVATARS } from "@/lib/profiles/avatars";
import { profileAllowance } from "@/lib/site/profile-allowance";
import { requireAccountHolder } from "@/lib/site/session";
import { createProfileAction } from "../actions";

export const metadata: Metadata = { title: "Add profile" };

export default async function NewProfilePage() {
  const principal = await requireAccountHolder("/profiles/new");
  const allowance = await profileAllowance(principal);
  // A fresh colour for each new profile, so a household's avatars tell apart at a glance.
  const avatar = AVATARS[allowance.count % AVATARS.length];

  return (
    <div className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-3xl font-semibold sm:text-4xl">Add profile</h1>
      <p className="mt-2 text-muted">Add a profile for another person watching NormFlix.</p>
      {!allowance.canAdd ? (
        <div className="mt-8">
          <UpgradePrompt plan={allowance.plan?.name ?? null} limit={allowance.limit} />
        </div>
      ) : (
        <ActionForm action={createProfileAction} className="mt-8 space-y-6" label="Add profile">
          <ProfileSettingsFields defaults={{ avatar, kids: false, maturity_rating: "NC-17" }} />
          <UpgradeOnLimit />
          <div className="flex gap-3">
            <SubmitButton pendingLabel="Adding…">Add profile</SubmitButton>
            <Link href="/profiles" className="rounded-md px-4 py-2.5 text-sm font-semibold ring-1 ring-white/30 hover:bg-white/10">
              Cancel
            </Link>
          </div>
        </ActionForm>
      )}
    </div>
  );
}
