import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
import { isResetTokenLive } from "@/lib/accounts/password-reset";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const live = typeof token === "string" && (await isResetTokenLive(token));
  const askAgain = (
    <Link href="/forgot-password" className="font-medium text-white hover:underline">
      Ask for a new link
    </Link>
  );
  if (!live) {
    return (
      <AuthCard title="This link no longer works" footer={askAgain}>
        <p role="alert" className="text-sm text-muted">
          Password reset links work once, for a limited time. This one has expired, was already used, or was copied
          incompletely.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" footer={askAgain}>
      <p className="mb-6 text-sm text-muted">Every device signed in to your account will be signed out.</p>
      <ActionForm action={resetPasswordAction} label="Choose a new password">
        <input type="hidden" name="token" value={token} />
        <Field name="new_password" label="New password" type="password" autoComplete="new-password" minLength={8} required autoFocus hint="At least 8 characters." />
        <Field name="confirm_password" label="Confirm new password" type="password" autoComplete="new-password" required />
        <SubmitButton pendingLabel="Saving…" className="w-full">
          Save password
        </SubmitButton>
      </ActionForm>
    </AuthCard>
  );
}
