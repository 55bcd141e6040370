import type { Metadata } from "next";
import Link from "next/link";
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

export const metadata: Metadata = { title: "Sign in" };

/** Why a single sign-on was refused (lib/site/auth.ts sends its error code here); anything else: the generic line. */
const SSO_REFUSALS: Record<string, string> = {
  identity_email_unverified:
    "An account already uses the email address your provider gave, but the provider does not say the address is verified, so it cannot be linked. Sign in with your username and password.",
  identity_email_missing: "Your provider did not share an email address, which NormFlix needs. Allow sharing it, or sign up with a password.",
  invalid_credentials: "This account cannot sign in (it may be disabled).",
  identity_in_use: "That identity is already linked to another account.",
  sso_unavailable: "That sign-in provider is not available.",
  OAuthCallbackError: "Your provider did not complete the sign-in. Please try again.",
  AccessDenied: "Signing in with your provider was refused.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; reset?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error, reset } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl, "/profiles");
  if (await currentPrincipal()) redirect(returnTo);
  const signUpHref = callbackUrl ? `/signup?callbackUrl=${encodeURIComponent(returnTo)}` : "/signup";
  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          New to NormFlix?{" "}
          <Link href={signUpHref} className="font-medium text-white hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      {reset && (
        <p role="status" className="mb-4 rounded-md bg-success/15 px-3 py-2 text-sm text-success-soft ring-1 ring-success/40">
          Your password was changed and every device was signed out. Sign in with your new password.
        </p>
      )}
      {error && (
        <p role="alert" className="mb-4 rounded-md bg-danger/15 px-3 py-2 text-sm text-danger-soft ring-1 ring-danger/40">
          {SSO_REFUSALS[error] ?? "Signing in failed. Check your username and password and try again."}
        </p>
      )}
      <ActionForm action={signInAction} label="Sign in">
        <input type="hidden" name="callbackUrl" value={returnTo} />
        <SignInFields />
        <SubmitButton pendingLabel="Signing in…" className="w-full">
          Sign in
        </SubmitButton>
      </ActionForm>
      <SsoButtons providers={configuredSsoProviders()} returnTo={returnTo} action={ssoSignInAction} />
    </AuthCard>
  );
}
