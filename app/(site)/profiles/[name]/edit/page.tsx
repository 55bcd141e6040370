import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { PanelSection } from "@/components/site/panel-section";
import { ProfileAvatar } from "@/components/profiles/avatar";
import { ProfileSettingsFields } from "@/components/profiles/profile-settings-fields";
import { ApiError } from "@/lib/api/errors";
import { profileView, requireProfile } from "@/lib/profiles/profiles";
import { maturityChoiceFor, profileLanguageChoices } from "@/lib/site/profile-fields";
import { requireAccountHolder } from "@/lib/site/session";
import { KidsControlsFields } from "@/components/profiles/kids-controls-fields";
import { listGenres } from "@/lib/catalog/catalog";
import { SelectField } from "@/components/forms/select-field";
import { changePinAction, deleteProfileAction, updateKidsControlsAction, updateProfileAction, updateProfileLanguageAction } from "../../actions";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Edit ${(await params).name}` };
}


export default async function EditProfilePage({ params }: Props) {
  const name = (await params).name;
  const principal = await requireAccountHolder(`/profiles/${encodeURIComponent(name)}/edit`);
  const profile = profileView(
    await requireProfile(principal, name).catch((error) => {
      if (error instanceof ApiError && error.code === "profile_not_found") notFound();
      throw error;
    }),
  );

  const { items: genres } = await listGenres(undefined);

  return (
    <div className="mx-auto max-w-2xl space-y-8 px-4 py-12">
      <div className="flex items-center gap-4">
        <ProfileAvatar avatar={profile.avatar} size="md" />
        <div>
          <h1 className="text-3xl font-semibold">Edit profile</h1>
          <p className="text-muted">{profile.name}</p>
        </div>
      </div>

      <PanelSection id="settings" title="Profile">
        <ActionForm action={updateProfileAction} className="space-y-6" label="Profile settings">
          <input type="hidden" name="original" value={profile.name} />
          <ProfileSettingsFields
            defaults={{ name: profile.name, avatar: profile.avatar, kids: profile.kids, maturity_rating: maturityChoiceFor(profile.maturity_rating) }}
          />
          <div className="flex gap-3">
            <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
            <Link href="/profiles/manage" className="rounded-md px-4 py-2.5 text-sm font-semibold ring-1 ring-white/30 hover:bg-white/10">
              Cancel
            </Link>
          </div>
        </ActionForm>
      </PanelSection>

      <PanelSection
        id="language"
        title="Language"
        description="The site is shown in this language when it speaks it (English or Spanish), else in the browser's. Titles start in it when they have it; otherwise with its subtitles, when there are some. Choosing another audio track in the player is remembered too."
      >
        <ActionForm action={updateProfileLanguageAction} className="space-y-6" label="Language">
          <input type="hidden" name="name" value={profile.name} />
          <SelectField name="language" label="Audio and subtitles" options={profileLanguageChoices()} defaultValue={profile.language ?? ""} />
          <SubmitButton pendingLabel="Saving…">Save language</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection
        id="kids-controls"
        title="Kids controls"
        description="Days start at midnight in your account's time zone (set with notification quiet hours), else UTC."
      >
        <ActionForm action={updateKidsControlsAction} className="space-y-6" label="Kids controls">
          <input type="hidden" name="name" value={profile.name} />
          <KidsControlsFields genres={genres} blocked={profile.blocked_genres} dailyLimit={profile.daily_limit_minutes} />
          <SubmitButton pendingLabel="Saving…">Save kids controls</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection
        id="pin"
        title="Profile lock"
        description={`${profile.has_pin ? "This profile asks for a 4-digit PIN before anyone can watch on it." : "Ask for a 4-digit PIN before anyone can watch on this profile."} Changing the lock needs your account password.`}
      >
        <ActionForm action={changePinAction} className="space-y-4" label="Profile lock">
          <input type="hidden" name="name" value={profile.name} />
          <Field name="pin" label={profile.has_pin ? "New PIN" : "PIN"} inputMode="numeric" pattern="\d{4}" maxLength={4} autoComplete="off" type="password" />
          <Field name="password" label="Account password" type="password" autoComplete="current-password" />
          <div className="flex flex-wrap gap-3">
            <SubmitButton name="action" value="set" pendingLabel="Saving…">
              {profile.has_pin ? "Change PIN" : "Set PIN"}
            </SubmitButton>
            {profile.has_pin && (
              <SubmitButton name="action" value="remove" variant="secondary">
                Remove PIN
              </SubmitButton>
            )}
          </div>
        </ActionForm>
      </PanelSection>

      <PanelSection
        id="delete"
        title="Delete profile"
        description={`${profile.name}’s viewing history, My List, ratings and progress are deleted with it. This cannot be undone.`}
      >
        <ActionForm action={deleteProfileAction} className="space-y-4" label="Delete profile">
          <input type="hidden" name="name" value={profile.name} />
          <CheckboxField name="confirm" label={`Yes, delete ${profile.name}`} />
          <SubmitButton variant="danger" pendingLabel="Deleting…">
            Delete profile
          </SubmitButton>
        </ActionForm>
      </PanelSection>
    </div>
  );
}
