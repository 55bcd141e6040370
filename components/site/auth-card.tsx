import type { ReactNode } from "react";

/** The framed panel the sign-in and sign-up forms sit in. */
export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-xl bg-black/70 p-6 ring-1 ring-white/10 sm:p-10">
        <h1 className="mb-6 text-3xl font-bold">{title}</h1>
        {children}
      </div>
      {footer && <div className="mt-6 text-center text-sm text-muted">{footer}</div>}
    </div>
  );
}
