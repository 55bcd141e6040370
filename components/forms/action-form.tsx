"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import type { FormState } from "@/lib/site/form-action";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const FormStateContext = createContext<FormState>({});

/** The state of the enclosing ActionForm, for its fields. */
export const useFormState = () => useContext(FormStateContext);

/** A form bound to a validatedAction: shows its form-level error or success and gives fields their errors. */
export function ActionForm({ action, children, className, label }: { action: Action; children: ReactNode; className?: string; label?: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className={className ?? "space-y-4"} aria-label={label} noValidate>
      <FormStateContext.Provider value={state}>
        {state.error && (
          <p role="alert" className="rounded-md bg-danger/15 px-3 py-2 text-sm text-danger-soft ring-1 ring-danger/40">
            {state.error}
          </p>
        )}
        {state.success && (
          <p role="status" className="rounded-md bg-success/15 px-3 py-2 text-sm text-success-soft ring-1 ring-success/40">
            {state.success}
          </p>
        )}
        {children}
      </FormStateContext.Provider>
    </form>
  );
}
