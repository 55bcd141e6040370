"use client";

import { useActionState } from "react";

export type ActionResult = { error?: string } | undefined;

type Props = {
  action: (previous: ActionResult, form: FormData) => Promise<ActionResult>;
  /** Hidden form fields sent with the action. */
  fields: Record<string, string>;
  /** The button's accessible name (icon buttons need one). */
  label: string;
  /** For toggles (in my list, thumbs): whether the button is on. */
  pressed?: boolean;
  className?: string;
  children: React.ReactNode;
};

/**
 * One button posting a server action. Works before hydration (a plain form post); once hydrated it shows the pending
 * state and the action's error without leaving the page.
 */
export function ActionButton({ action, fields, label, pressed, className = "", children }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="contents">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        aria-label={label}
        title={label}
        aria-pressed={pressed}
        aria-busy={pending || undefined}
        disabled={pending}
        className={`${className} disabled:cursor-wait disabled:opacity-60`}
      >
        {children}
      </button>
      {state?.error && (
        <p role="alert" className="basis-full text-sm text-red-400">
          {state.error}
        </p>
      )}
    </form>
  );
}
