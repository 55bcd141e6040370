import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
import { forgotPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <AuthCard
      title={t("forgotTitle")}
      footer={
        <>
          {t("remembered")}{" "}
          <Link href="/signin" className="font-medium text-white hover:underline">
            {t("signIn")}
          </Link>
        </>
      }
    >
      <p className="mb-6 text-sm text-muted">{t("forgotText")}</p>
      <ActionForm action={forgotPasswordAction} label={t("resetPassword")}>
        <Field name="email" label={t("emailAddress")} type="email" autoComplete="email" spellCheck={false} required autoFocus />
        <SubmitButton pendingLabel={t("sending")} className="w-full">
          {t("emailMeALink")}
        </SubmitButton>
      </ActionForm>
    </AuthCard>
  );
}
