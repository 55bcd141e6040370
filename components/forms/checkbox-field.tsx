"use client";

import { useId } from "react";
import { useFormState } from "./action-form";

/** A labelled checkbox (sent as "on" when checked) that keeps its state when the form comes back with errors. */
export function CheckboxField({ name, label, hint, defaultChecked }: { name: string; label: string; hint?: string; defaultChecked?: boolean }) {
  const id = useId();
  const state = useFormState();
  const checked = state.values ? state.values[name] === "on" : defaultChecked;
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        name={name}
        type="checkbox"
        key={String(checked)}
        defaultChecked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 size-5 shrink-0 accent-brand"
      />
      <div>
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-sm text-muted">
            {hint}
          </p>
        )}
        {state.fieldErrors?.[name]?.length ? <p className="mt-1 text-sm text-danger-soft">{state.fieldErrors[name]![0]}</p> : null}
      </div>
    </div>
  );
}
