import type { Metadata } from "next";
import Link from "next/link";
import { findAccountById } from "@/db/queries/accounts";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ProfileSettingsFields } from "@/components/profiles/profile-settings-fields";
import { UpgradePrompt } from "@/components/profiles/upgrade-prompt";
import { UpgradeOnLimit } from "@/components/profiles/upgrade-on-limit";
import { AVATARS } from "@/lib/profiles/avatars";
import { safeNext } from "@/lib/site/onboarding";
import { profileAllowance } from "@/lib/site/profile-allowance";
import { accountProfiles } from "@/lib/site/profile-selection";
import { requireAccountHolder } from "@/lib/site/session";
import { createProfileAction } from "../actions";

export const metadata: Metadata = { title: "Add profile" };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function NewProfilePage({ searchParams }: Props) {
  const next = safeNext((await searchParams).next);
  const principal = await requireAccountHolder(next ? `/profiles/new?next=${encodeURIComponent(next)}` : "/profiles/new");
  const [allowance, profiles, account] = await Promise.all([
    profileAllowance(principal),
    accountProfiles(principal.accountId),
    findAccountById(principal.accountId),
  ]);
  // A different picture for each new profile, so a household's avatars tell apart at a glance.
  const avatar = AVATARS[allowance.count % AVATARS.length];
  const first = profiles.length === 0;
  const hasKids = profiles.some((profile) => profile.kids);

  return (
    <div className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-3xl font-semibold sm:text-4xl">{first ? "Create your profile" : "Add profile"}</h1>
      <p className="mt-2 text-muted">
        {first ? "One last step: the profile you will watch on. You can add one for each person later." : "Add a profile for another person watching NormFlix."}
      </p>
      {!allowance.canAdd ? (
        <div className="mt-8">
          <UpgradePrompt plan={allowance.plan?.name ?? null} limit={allowance.limit} />
        </div>
      ) : (
        <ActionForm action={createProfileAction} className="mt-8 space-y-6" label={first ? "Create your profile" : "Add profile"}>
          {next && <input type="hidden" name="next" value={next} />}
          <ProfileSettingsFields
            defaults={{ name: first ? (account?.displayName ?? principal.username).slice(0, 50) : undefined, avatar, kids: false, maturity_rating: "NC-17" }}
          />
          <fieldset className="space-y-4 rounded-lg p-4 ring-1 ring-white/15">
            <legend className="px-1 text-sm font-semibold">Profile lock (optional)</legend>
            {hasKids && (
              <p role="note" data-lock-suggestion className="rounded-md bg-brand/15 p-3 text-sm ring-1 ring-brand/50">
                This account has a kids profile. Lock grown-up profiles with a PIN so kids can&apos;t switch into them.
              </p>
            )}
            <Field
              name="pin"
              label="PIN"
              type="password"
              inputMode="numeric"
              pattern="\d{4}"
              maxLength={4}
              autoComplete="off"
              hint="Four digits, asked before anyone can watch on this profile. Leave empty for no lock."
            />
            <Field name="password" label="Account password" type="password" autoComplete="current-password" hint="Needed only to set a PIN." />
          </fieldset>
          <UpgradeOnLimit />
          <div className="flex gap-3">
            <SubmitButton pendingLabel="Saving…">{first ? "Continue" : "Add profile"}</SubmitButton>
            {!first && (
              <Link href="/profiles" className="rounded-md px-4 py-2.5 text-sm font-semibold ring-1 ring-white/30 hover:bg-white/10">
                Cancel
              </Link>
            )}
          </div>
        </ActionForm>
      )}
    </div>
  );
}
