"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { useFormState } from "@/components/forms/action-form";

/** The sign-in form's fields: username and password, then, with two-factor sign-in on, the code. */
export function SignInFields() {
  const state = useFormState();
  const t = useTranslations("auth");
  const challenge = state.values?.challenge;
  if (challenge) {
    return (
      <>
        <input type="hidden" name="username" value={state.values?.username ?? ""} />
        <input type="hidden" name="challenge" value={challenge} />
        <Field
          name="code"
          label={t("code")}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          defaultValue=""
          hint={t("codeHint")}
        />
      </>
    );
  }
  return (
    <>
      <Field name="username" label={t("username")} autoComplete="username" autoCapitalize="none" spellCheck={false} required autoFocus />
      <Field name="password" label={t("password")} type="password" autoComplete="current-password" required />
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="text-muted hover:text-white hover:underline">
          {t("forgot")}
        </Link>
      </p>
    </>
  );
}
