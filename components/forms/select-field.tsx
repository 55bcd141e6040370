"use client";

import { useId } from "react";
import { useFormState } from "./action-form";
import { describedBy, FieldMessages } from "./field-messages";

type Option = { value: string; label: string };

/** A labelled select that shows its own error and keeps the chosen option when the form comes back with errors. */
export function SelectField({ name, label, options, defaultValue, hint }: { name: string; label: string; options: Option[]; defaultValue?: string; hint?: string }) {
  const id = useId();
  const state = useFormState();
  const errors = state.fieldErrors?.[name];
  const value = state.values?.[name] ?? defaultValue;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-neutral-200">
        {label}
      </label>
      <select
        id={id}
        name={name}
        key={value}
        defaultValue={value}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className="mt-1 block w-full rounded-md border border-white/15 bg-surface-sunken px-3 py-2.5 text-base text-white"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}
