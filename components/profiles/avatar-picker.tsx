"use client";

import { useTranslations } from "next-intl";
import { useFormState } from "@/components/forms/action-form";
import { AVATARS, avatarPicture } from "@/lib/profiles/avatars";
import { ProfileAvatar } from "./avatar";

/** The avatar pictures as a radio group: arrow keys move between them, the chosen one is outlined. */
export function AvatarPicker({ defaultValue }: { defaultValue: string }) {
  const state = useFormState();
  const chosen = avatarPicture(state.values?.avatar ?? defaultValue);
  const t = useTranslations("profileForms");
  return (
    <fieldset>
      <legend className="text-sm font-medium text-neutral-200">{t("avatar")}</legend>
      <div className="mt-2 flex flex-wrap gap-3">
        {AVATARS.map((value) => (
          <label key={`${value}-${chosen}`} className="relative cursor-pointer">
            <input type="radio" name="avatar" value={value} defaultChecked={value === chosen} className="peer sr-only" />
            <ProfileAvatar avatar={value} size="choice" className="ring-white peer-checked:ring-4 peer-focus-visible:outline-3 peer-focus-visible:outline-offset-4 peer-focus-visible:outline-white" />
            <span className="sr-only">{t(`avatars.${value}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
