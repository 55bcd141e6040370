"use client";

import { useId, type TextareaHTMLAttributes } from "react";
import { useFormState } from "./action-form";
import { describedBy, FieldMessages } from "./field-messages";

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; hint?: string };

/** A labelled textarea that shows its own error from the enclosing ActionForm and keeps what the user typed. */
export function TextAreaField({ name, label, hint, defaultValue, rows = 3, ...textarea }: TextAreaProps) {
  const id = useId();
  const state = useFormState();
  const errors = state.fieldErrors?.[name];
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-neutral-200">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={state.values?.[name] ?? defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className="mt-1 block w-full rounded-md border border-white/15 bg-surface-sunken px-3 py-2.5 text-base text-white placeholder:text-neutral-500 aria-invalid:border-danger focus-visible:border-white"
        {...textarea}
      />
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}
