import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
import { SignInFields } from "@/components/site/sign-in-fields";
import { SsoButtons } from "@/components/site/sso-buttons";
import { configuredSsoProviders } from "@/lib/accounts/sso-providers";
import { safeReturnPath } from "@/lib/site/return-path";
import { currentPrincipal } from "@/lib/site/session";
import { signInAction, ssoSignInAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

/** Why a single sign-on was refused (lib/site/auth.ts sends its error code here, messages "auth.sso"); anything else: the generic line. */
const SSO_REFUSALS = [
  "identity_email_unverified",
  "identity_email_missing",
  "invalid_credentials",
  "identity_in_use",
  "sso_unavailable",
  "OAuthCallbackError",
  "AccessDenied",
] as const;
const ssoRefusal = (error: string) => SSO_REFUSALS.find((code) => code === error);

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; reset?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error, reset } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl, "/profiles");
  if (await currentPrincipal()) redirect(returnTo);
  const t = await getTranslations("auth");
  const refusal = error ? ssoRefusal(error) : undefined;
  const signUpHref = callbackUrl ? `/signup?callbackUrl=${encodeURIComponent(returnTo)}` : "/signup";
  return (
    <AuthCard
      title={t("signIn")}
      footer={
        <>
          {t("newHere")}{" "}
          <Link href={signUpHref} className="font-medium text-white hover:underline">
            {t("createAnAccount")}
          </Link>
        </>
      }
    >
      {reset && (
        <p role="status" className="mb-4 rounded-md bg-success/15 px-3 py-2 text-sm text-success-soft ring-1 ring-success/40">
          {t("passwordChanged")}
        </p>
      )}
      {error && (
        <p role="alert" className="mb-4 rounded-md bg-danger/15 px-3 py-2 text-sm text-danger-soft ring-1 ring-danger/40">
          {refusal ? t(`sso.${refusal}`) : t("signInFailed")}
        </p>
      )}
      <ActionForm action={signInAction} label={t("signIn")}>
        <input type="hidden" name="callbackUrl" value={returnTo} />
        <SignInFields />
        <SubmitButton pendingLabel={t("signingIn")} className="w-full">
          {t("signIn")}
        </SubmitButton>
      </ActionForm>
      <SsoButtons providers={configuredSsoProviders()} returnTo={returnTo} action={ssoSignInAction} />
    </AuthCard>
  );
}
