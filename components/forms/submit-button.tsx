"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

const variants = {
  primary: "bg-brand text-white hover:bg-brand-strong",
  secondary: "bg-white/10 text-white ring-1 ring-white/20 hover:bg-white/20",
  danger: "bg-transparent text-danger-soft ring-1 ring-danger/60 hover:bg-danger/15",
};

/** A submit button that shows progress and cannot be pressed twice while its form is submitting. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className = "",
  name,
  value,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: keyof typeof variants;
  className?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2.5 text-sm font-semibold transition-colors disabled:cursor-wait disabled:opacity-70 ${variants[variant]} ${className}`}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
