import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Field } from "@/components/forms/field";

type Genre = { slug: string; name: string };

/** The kids controls of a profile's settings page: genres to hide and minutes of viewing a day. */
export function KidsControlsFields({ genres, blocked, dailyLimit }: { genres: Genre[]; blocked: string[]; dailyLimit: number | null }) {
  const t = useTranslations("profileForms");
  return (
    <>
      <fieldset>
        <legend className="text-sm font-medium text-neutral-200">{t("blockedGenres")}</legend>
        <p className="text-sm text-muted">{t("blockedGenresText")}</p>
        <div className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3">
          {genres.map((genre) => (
            <CheckboxField key={genre.slug} name={`blocked_${genre.slug}`} label={genre.name} defaultChecked={blocked.includes(genre.slug)} />
          ))}
        </div>
      </fieldset>
      <Field
        name="daily_limit_minutes"
        label={t("dailyLimit")}
        type="number"
        min={1}
        max={1440}
        inputMode="numeric"
        defaultValue={dailyLimit ?? ""}
        hint={t("dailyLimitHint")}
      />
    </>
  );
}
