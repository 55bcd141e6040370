import { CheckboxField } from "@/components/forms/checkbox-field";
import { Field } from "@/components/forms/field";
import { SelectField } from "@/components/forms/select-field";
import { MATURITY_CHOICES } from "@/lib/site/profile-fields";
import { AvatarPicker } from "./avatar-picker";

type Defaults = { name?: string; avatar: string; kids: boolean; maturity_rating: string };

/** Name, avatar, kids and maturity rating: the fields shared by "Add profile" and "Edit profile". */
export function ProfileSettingsFields({ defaults }: { defaults: Defaults }) {
  return (
    <>
      <Field name="name" label="Name" defaultValue={defaults.name} required maxLength={50} autoComplete="off" />
      <AvatarPicker defaultValue={defaults.avatar} />
      <CheckboxField
        name="kids"
        label="Kids profile"
        defaultChecked={defaults.kids}
        hint="A simpler home with bigger artwork and only titles for kids: TV-Y7, PG and below unless you choose up to PG-13 below."
      />
      <SelectField
        name="maturity_rating"
        label="Maturity rating"
        defaultValue={defaults.maturity_rating}
        options={[...MATURITY_CHOICES]}
        hint="Titles rated above this are hidden from the profile and cannot be played on it."
      />
    </>
  );
}
