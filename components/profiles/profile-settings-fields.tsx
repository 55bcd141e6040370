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
        hint="Only titles rated PG-13 and below, in a simpler home; with a higher maturity rating below, it gets PG."
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
