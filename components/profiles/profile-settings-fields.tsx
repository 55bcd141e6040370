import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Field } from "@/components/forms/field";
import { SelectField } from "@/components/forms/select-field";
import { MATURITY_CHOICES } from "@/lib/site/profile-fields";
import { AvatarPicker } from "./avatar-picker";

type Defaults = { name?: string; avatar: string; kids: boolean; maturity_rating: string };

/** Name, avatar, kids and maturity rating: the fields shared by "Add profile" and "Edit profile". */
export function ProfileSettingsFields({ defaults }: { defaults: Defaults }) {
  const t = useTranslations("profileForms");
  return (
    <>
      <Field name="name" label={t("name")} defaultValue={defaults.name} required maxLength={50} autoComplete="off" />
      <AvatarPicker defaultValue={defaults.avatar} />
      <CheckboxField
        name="kids"
        label={t("kids")}
        defaultChecked={defaults.kids}
        hint={t("kidsHint")}
      />
      <SelectField
        name="maturity_rating"
        label={t("maturity")}
        defaultValue={defaults.maturity_rating}
        options={MATURITY_CHOICES.map(({ value }) => ({ value, label: t(`ratings.${value}`) }))}
        hint={t("maturityHint")}
      />
    </>
  );
}
