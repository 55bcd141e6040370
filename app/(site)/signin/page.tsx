import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
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
        <Field name="username" label="Username" autoComplete="username" autoCapitalize="none" spellCheck={false} required autoFocus />
        <Field name="password" label="Password" type="password" autoComplete="current-password" required />
        <p className="-mt-2 text-right text-sm">
          <Link href="/forgot-password" className="text-muted hover:text-white hover:underline">
            Forgot your password?
          </Link>
        </p>
        <SubmitButton pendingLabel="Signing in…" className="w-full">
          Sign in
        </SubmitButton>
      </ActionForm>
    </AuthCard>
  );
}
