import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
import { SignInFields } from "@/components/site/sign-in-fields";
import { safeReturnPath } from "@/lib/site/return-path";
import { currentPrincipal } from "@/lib/site/session";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

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
          Signing in failed. Check your username and password and try again.
        </p>
      )}
      <ActionForm action={signInAction} label="Sign in">
        <input type="hidden" name="callbackUrl" value={returnTo} />
        <SignInFields />
        <SubmitButton pendingLabel="Signing in…" className="w-full">
          Sign in
        </SubmitButton>
      </ActionForm>
    </AuthCard>
  );
}
