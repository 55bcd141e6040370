import type { ReactNode } from "react";

/** A titled panel of a settings page (account, edit profile), labelled by its heading for assistive technology. */
export function PanelSection({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-20 rounded-xl bg-surface-raised p-6 ring-1 ring-white/10 sm:p-8">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {title}
      </h2>
      {description && <p className="mt-1 text-sm text-muted">{description}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}
