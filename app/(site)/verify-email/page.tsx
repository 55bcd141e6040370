import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
import { verifyEmailAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("confirmEmailTitle") };
}

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// The page a confirmation mail links to. Opening it confirms nothing (mail scanners open links too): the button does.
export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  const home = (
    <Link href="/browse" className="font-medium text-white hover:underline">
      {t("goToNormFlix")}
    </Link>
  );
  if (typeof token !== "string" || token === "") {
    return (
      <AuthCard title={t("linkIncompleteTitle")} footer={home}>
        <p role="alert" className="text-sm text-muted">
          {t("linkIncompleteText")}
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("confirmEmailTitle")} footer={home}>
      <p className="mb-6 text-sm text-muted">{t("confirmEmailText")}</p>
      <ActionForm action={verifyEmailAction} label={t("confirmEmailTitle")}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton pendingLabel={t("confirming")} className="w-full">
          {t("confirmMyEmail")}
        </SubmitButton>
      </ActionForm>
    </AuthCard>
  );
}
