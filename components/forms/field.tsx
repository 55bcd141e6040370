"use client";

import { useId, type InputHTMLAttributes } from "react";
import { useFormState } from "./action-form";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; hint?: string };

/** A labelled input that shows its own error from the enclosing ActionForm and keeps the value the user typed. */
export function Field({ name, label, hint, defaultValue, className, ...input }: FieldProps) {
  const id = useId();
  const state = useFormState();
  const errors = state.fieldErrors?.[name];
  const describedBy = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-neutral-200">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={state.values?.[name] ?? defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded-md border border-white/15 bg-surface-sunken px-3 py-2.5 text-base text-white placeholder:text-neutral-500 aria-invalid:border-danger focus-visible:border-white"
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger-soft">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}
