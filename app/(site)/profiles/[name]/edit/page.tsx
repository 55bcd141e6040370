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
import { getTranslations } from "next-intl/server";
import { requireAccountHolder } from "@/lib/site/session";
import { KidsControlsFields } from "@/components/profiles/kids-controls-fields";
import { listGenres } from "@/lib/catalog/catalog";
import { SelectField } from "@/components/forms/select-field";
import { changePinAction, deleteProfileAction, updateKidsControlsAction, updateProfileAction, updateProfileLanguageAction } from "../../actions";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("profileForms"))("editTitle", { name: (await params).name }) };
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

  const [{ items: genres }, t] = await Promise.all([listGenres(undefined), getTranslations("profileForms")]);

  return (
    <div className="mx-auto max-w-2xl space-y-8 px-4 py-12">
      <div className="flex items-center gap-4">
        <ProfileAvatar avatar={profile.avatar} size="md" />
        <div>
          <h1 className="text-3xl font-semibold">{t("editHeading")}</h1>
          <p className="text-muted">{profile.name}</p>
        </div>
      </div>

      <PanelSection id="settings" title={t("profile")}>
        <ActionForm action={updateProfileAction} className="space-y-6" label={t("settings")}>
          <input type="hidden" name="original" value={profile.name} />
          <ProfileSettingsFields
            defaults={{ name: profile.name, avatar: profile.avatar, kids: profile.kids, maturity_rating: maturityChoiceFor(profile.maturity_rating) }}
          />
          <div className="flex gap-3">
            <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
            <Link href="/profiles/manage" className="rounded-md px-4 py-2.5 text-sm font-semibold ring-1 ring-white/30 hover:bg-white/10">
              {t("cancel")}
            </Link>
          </div>
        </ActionForm>
      </PanelSection>

      <PanelSection
        id="language"
        title={t("language")}
        description={t("languageText")}
      >
        <ActionForm action={updateProfileLanguageAction} className="space-y-6" label={t("language")}>
          <input type="hidden" name="name" value={profile.name} />
          <SelectField name="language" label={t("audio")} options={profileLanguageChoices(t("browserLanguage"))} defaultValue={profile.language ?? ""} />
          <SubmitButton pendingLabel={t("saving")}>{t("saveLanguage")}</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection
        id="kids-controls"
        title={t("kidsControls")}
        description={t("kidsControlsText")}
      >
        <ActionForm action={updateKidsControlsAction} className="space-y-6" label={t("kidsControls")}>
          <input type="hidden" name="name" value={profile.name} />
          <KidsControlsFields genres={genres} blocked={profile.blocked_genres} dailyLimit={profile.daily_limit_minutes} />
          <SubmitButton pendingLabel={t("saving")}>{t("saveKidsControls")}</SubmitButton>
        </ActionForm>
      </PanelSection>

      <PanelSection
        id="pin"
        title={t("lock")}
        description={t(profile.has_pin ? "hasPin" : "noPin")}
      >
        <ActionForm action={changePinAction} className="space-y-4" label={t("lock")}>
          <input type="hidden" name="name" value={profile.name} />
          <Field name="pin" label={t(profile.has_pin ? "newPin" : "pin")} inputMode="numeric" pattern="\d{4}" maxLength={4} autoComplete="off" type="password" />
          <Field name="password" label={t("accountPassword")} type="password" autoComplete="current-password" />
          <div className="flex flex-wrap gap-3">
            <SubmitButton name="action" value="set" pendingLabel={t("saving")}>
              {t(profile.has_pin ? "changePin" : "setPin")}
            </SubmitButton>
            {profile.has_pin && (
              <SubmitButton name="action" value="remove" variant="secondary">
                {t("removePin")}
              </SubmitButton>
            )}
          </div>
        </ActionForm>
      </PanelSection>

      <PanelSection
        id="delete"
        title={t("delete")}
        description={t("deleteText", { name: profile.name })}
      >
        <ActionForm action={deleteProfileAction} className="space-y-4" label={t("delete")}>
          <input type="hidden" name="name" value={profile.name} />
          <CheckboxField name="confirm" label={t("confirmDelete", { name: profile.name })} />
          <SubmitButton variant="danger" pendingLabel={t("deleting")}>
            {t("delete")}
          </SubmitButton>
        </ActionForm>
      </PanelSection>
    </div>
  );
}
