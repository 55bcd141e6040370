import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
import { isResetTokenLive } from "@/lib/accounts/password-reset";
import { resetPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("newPasswordTitle") };
}

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const live = typeof token === "string" && (await isResetTokenLive(token));
  const t = await getTranslations("auth");
  const askAgain = (
    <Link href="/forgot-password" className="font-medium text-white hover:underline">
      {t("askNewLink")}
    </Link>
  );
  if (!live) {
    return (
      <AuthCard title={t("linkExpiredTitle")} footer={askAgain}>
        <p role="alert" className="text-sm text-muted">
          {t("linkExpiredText")}
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("newPasswordTitle")} footer={askAgain}>
      <p className="mb-6 text-sm text-muted">{t("everyDeviceSignedOut")}</p>
      <ActionForm action={resetPasswordAction} label={t("newPasswordTitle")}>
        <input type="hidden" name="token" value={token} />
        <Field name="new_password" label={t("newPassword")} type="password" autoComplete="new-password" minLength={8} required autoFocus hint={t("passwordHint")} />
        <Field name="confirm_password" label={t("confirmNewPassword")} type="password" autoComplete="new-password" required />
        <SubmitButton pendingLabel={t("saving")} className="w-full">
          {t("savePassword")}
        </SubmitButton>
      </ActionForm>
    </AuthCard>
  );
}
