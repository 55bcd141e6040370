"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionForm, useFormState } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/site/form-action";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Turning two-factor sign-in on: a secret to scan (or type), then a code from it, then the recovery codes, once. */
export function TwoFactorSetup({ setUpAction, enableAction }: { setUpAction: Action; enableAction: Action }) {
  const [setUp, setUpForm, pending] = useActionState(setUpAction, {});
  const secret = setUp.values?.secret;
  const t = useTranslations("security.setup");
  return (
    <div className="space-y-6">
      <form action={setUpForm} aria-label={t("form")}>
        {setUp.error && (
          <p role="alert" className="mb-4 rounded-md bg-danger/15 px-3 py-2 text-sm text-danger-soft ring-1 ring-danger/40">
            {setUp.error}
          </p>
        )}
        <button type="submit" disabled={pending} className="rounded-md bg-white/10 px-4 py-2.5 font-medium ring-1 ring-white/20 hover:bg-white/15 disabled:opacity-60">
          {t(secret ? "again" : "start")}
        </button>
      </form>
      {secret && (
        <div className="space-y-4">
          <p className="text-sm text-muted">{t("scan")}</p>
          {/* The SVG is made on our server by the qrcode library from the otpauth URL: no user input reaches it. */}
          <div role="img" aria-label={t("qr")} className="w-48 rounded-md bg-white p-2" dangerouslySetInnerHTML={{ __html: setUp.values!.qr_svg }} />
          <p className="text-sm">
            {t("secret")} <code data-testid="totp-secret" className="rounded bg-white/10 px-1.5 py-0.5 font-mono tracking-wider">{secret}</code>
          </p>
          <ActionForm action={enableAction} className="max-w-md space-y-4" label={t("confirm")}>
            <EnableFields />
          </ActionForm>
        </div>
      )}
    </div>
  );
}

function EnableFields() {
  const state = useFormState();
  const codes = state.values?.recovery_codes?.split("\n");
  const t = useTranslations("security.setup");
  if (codes) {
    return (
      <div className="space-y-3">
        <p className="font-medium">{t("codes")}</p>
        <ul aria-label={t("codesList")} className="grid grid-cols-2 gap-2 font-mono">
          {codes.map((code) => (
            <li key={code} className="rounded bg-white/10 px-2 py-1">{code}</li>
          ))}
        </ul>
        <Link href="/account/security" className="inline-block rounded-md bg-white px-4 py-2.5 font-medium text-black hover:bg-neutral-200">
          {t("done")}
        </Link>
      </div>
    );
  }
  return (
    <>
      <Field name="code" label={t("code")} autoComplete="one-time-code" inputMode="numeric" required defaultValue="" />
      <SubmitButton pendingLabel={t("checking")}>{t("turnOn")}</SubmitButton>
    </>
  );
}
