import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
import { forgotPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Forgot your password?"
      footer={
        <>
          Remembered it?{" "}
          <Link href="/signin" className="font-medium text-white hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <p className="mb-6 text-sm text-muted">Enter your account&apos;s email address and we will send you a link to choose a new password.</p>
      <ActionForm action={forgotPasswordAction} label="Reset password">
        <Field name="email" label="Email address" type="email" autoComplete="email" spellCheck={false} required autoFocus />
        <SubmitButton pendingLabel="Sending…" className="w-full">
          Email me a link
        </SubmitButton>
      </ActionForm>
    </AuthCard>
  );
}
