"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import type { FormState } from "@/lib/site/form-action";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "⌫"];

/** A four-digit PIN entry with an on-screen keypad (for remotes and touch) that submits as soon as it is complete. */
export function PinPad({ action, name, callbackUrl }: { action: Action; name: string; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const t = useTranslations("profiles");
  const [pin, setPin] = useState("");
  const form = useRef<HTMLFormElement>(null);

  const update = (next: string) => {
    const digits = next.replace(/\D/g, "").slice(0, 4);
    setPin(digits);
    if (digits.length === 4) queueMicrotask(() => form.current?.requestSubmit());
  };

  return (
    // The action itself (not a wrapper) so the form also posts without JavaScript; the digits clear as it goes.
    <form ref={form} action={formAction} onSubmit={() => setPin("")} className="mx-auto max-w-xs text-center">
      <input type="hidden" name="name" value={name} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label htmlFor="pin" className="block text-lg">
        {t.rich("enterPin", { name, strong: (chunks) => <strong>{chunks}</strong> })}
      </label>
      <input
        id="pin"
        name="pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        maxLength={4}
        value={pin}
        onChange={(event) => update(event.target.value)}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? "pin-error" : undefined}
        className="mx-auto mt-4 block w-48 rounded-md border border-white/30 bg-surface-sunken py-3 text-center text-3xl tracking-[0.75em] text-white"
      />
      <p id="pin-error" role="alert" className="mt-2 min-h-6 text-sm text-danger-soft">
        {state.error}
      </p>
      <div className="mt-4 grid grid-cols-3 gap-2" role="group" aria-label={t("keypad")}>
        {KEYS.map((key, index) =>
          key === "" ? (
            <span key={index} />
          ) : (
            <button
              key={key}
              type="button"
              disabled={pending}
              aria-label={key === "⌫" ? t("deleteDigit") : key}
              onClick={() => update(key === "⌫" ? pin.slice(0, -1) : pin + key)}
              className="rounded-md bg-white/10 py-3 text-xl font-semibold hover:bg-white/20 disabled:opacity-50"
            >
              {key}
            </button>
          ),
        )}
      </div>
    </form>
  );
}
