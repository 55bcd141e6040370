"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useFormState } from "./action-form";
import { SubmitButton } from "./submit-button";

/**
 * The step an ActionForm's action asks to be confirmed (FormState.confirm): what it will do, with a button sending the
 * `confirm` value back and a way out that leaves everything as it was. Focus moves to it when it appears.
 */
export function ConfirmStep({ label, cancelHref, cancelLabel }: { label: string; cancelHref: string; cancelLabel: string }) {
  const { confirm } = useFormState();
  const heading = useRef<HTMLHeadingElement>(null);
  const t = useTranslations("forms");
  useEffect(() => heading.current?.focus(), [confirm]);
  if (!confirm) return null;
  return (
    <section aria-label={label} className="space-y-3 rounded-lg bg-white/5 p-4 ring-2 ring-brand">
      <h3 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
        {confirm.title}
      </h3>
      <table className="w-full max-w-md text-sm">
        <tbody>
          {confirm.rows.map((row, index) => (
            <tr key={index} className={row.total ? "border-t border-white/20 font-semibold" : "text-muted"}>
              <th scope="row" className="py-1 pr-4 text-left font-normal">
                {row.total ? <strong>{row.label}</strong> : row.label}
              </th>
              <td className="py-1 text-right tabular-nums">{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {confirm.notes.map((note) => (
        <p key={note} className="text-sm text-muted">
          {note}
        </p>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton name="confirm" value={confirm.value} pendingLabel={t("saving")}>
          {confirm.button}
        </SubmitButton>
        {/* A full load: the form's state (this step) starts over. */}
        <a href={cancelHref} className="text-sm underline underline-offset-4 hover:text-white">
          {cancelLabel}
        </a>
      </div>
    </section>
  );
}
