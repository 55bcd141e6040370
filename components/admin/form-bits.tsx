"use client";

import { useFormState } from "@/components/forms/action-form";

const control =
  "mt-1 block w-full rounded-md border border-white/15 bg-surface-sunken px-3 py-2 text-sm text-white aria-invalid:border-danger focus-visible:border-white";

type Option = string | { value: string; label: string };

/** A labelled select that keeps the submitted value and shows its error, like Field. */
export function SelectField({ name, label, options, defaultValue }: { name: string; label: string; options: readonly Option[]; defaultValue?: string }) {
  const state = useFormState();
  const errors = state.fieldErrors?.[name];
  return (
    <label className="block text-sm font-medium text-neutral-200">
      {label}
      <select name={name} defaultValue={state.values?.[name] ?? defaultValue} aria-invalid={errors?.length ? true : undefined} className={control}>
        {options.map((option) =>
          typeof option === "string" ? <option key={option}>{option}</option> : <option key={option.value} value={option.value}>{option.label}</option>,
        )}
      </select>
      {errors?.length ? <span className="mt-1 block text-sm text-danger-soft">{errors[0]}</span> : null}
    </label>
  );
}
