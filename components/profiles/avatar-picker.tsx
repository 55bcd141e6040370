"use client";

import { useFormState } from "@/components/forms/action-form";
import { avatarPicture } from "@/lib/profiles/avatars";
import { AVATAR_LABELS, ProfileAvatar } from "./avatar";

/** The avatar pictures as a radio group: arrow keys move between them, the chosen one is outlined. */
export function AvatarPicker({ defaultValue }: { defaultValue: string }) {
  const state = useFormState();
  const chosen = avatarPicture(state.values?.avatar ?? defaultValue);
  return (
    <fieldset>
      <legend className="text-sm font-medium text-neutral-200">Avatar</legend>
      <div className="mt-2 flex flex-wrap gap-3">
        {Object.entries(AVATAR_LABELS).map(([value, label]) => (
          <label key={`${value}-${chosen}`} className="relative cursor-pointer">
            <input type="radio" name="avatar" value={value} defaultChecked={value === chosen} className="peer sr-only" />
            <ProfileAvatar avatar={value} size="choice" className="ring-white peer-checked:ring-4 peer-focus-visible:outline-3 peer-focus-visible:outline-offset-4 peer-focus-visible:outline-white" />
            <span className="sr-only">{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
