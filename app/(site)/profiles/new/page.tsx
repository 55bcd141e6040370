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
import { getTranslations } from "next-intl/server";
import { requireAccountHolder } from "@/lib/site/session";
import { createProfileAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profileForms"))("addTitle") };
}

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
  const t = await getTranslations("profileForms");

  return (
    <div className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-3xl font-semibold sm:text-4xl">{t(first ? "createTitle" : "addTitle")}</h1>
      <p className="mt-2 text-muted">
        {t(first ? "createText" : "addText")}
      </p>
      {!allowance.canAdd ? (
        <div className="mt-8">
          <UpgradePrompt plan={allowance.plan?.name ?? null} limit={allowance.limit} />
        </div>
      ) : (
        <ActionForm action={createProfileAction} className="mt-8 space-y-6" label={t(first ? "createTitle" : "addTitle")}>
          {next && <input type="hidden" name="next" value={next} />}
          <ProfileSettingsFields
            defaults={{ name: first ? (account?.displayName ?? principal.username).slice(0, 50) : undefined, avatar, kids: false, maturity_rating: "NC-17" }}
          />
          <fieldset className="space-y-4 rounded-lg p-4 ring-1 ring-white/15">
            <legend className="px-1 text-sm font-semibold">{t("lockOptional")}</legend>
            {hasKids && (
              <p role="note" data-lock-suggestion className="rounded-md bg-brand/15 p-3 text-sm ring-1 ring-brand/50">
                {t("lockSuggestion")}
              </p>
            )}
            <Field
              name="pin"
              label={t("pin")}
              type="password"
              inputMode="numeric"
              pattern="\d{4}"
              maxLength={4}
              autoComplete="off"
              hint={t("pinHint")}
            />
            <Field name="password" label={t("accountPassword")} type="password" autoComplete="current-password" hint={t("passwordHint")} />
          </fieldset>
          <UpgradeOnLimit />
          <div className="flex gap-3">
            <SubmitButton pendingLabel={t("saving")}>{t(first ? "continue" : "addTitle")}</SubmitButton>
            {!first && (
              <Link href="/profiles" className="rounded-md px-4 py-2.5 text-sm font-semibold ring-1 ring-white/30 hover:bg-white/10">
                {t("cancel")}
              </Link>
            )}
          </div>
        </ActionForm>
      )}
    </div>
  );
}
