import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
import { verifyEmailAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your email address" };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// The page a confirmation mail links to. Opening it confirms nothing (mail scanners open links too): the button does.
export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const home = (
    <Link href="/browse" className="font-medium text-white hover:underline">
      Go to NormFlix
    </Link>
  );
  if (typeof token !== "string" || token === "") {
    return (
      <AuthCard title="This link is incomplete" footer={home}>
        <p role="alert" className="text-sm text-muted">
          Open the link from the confirmation mail as it is, or sign in and send a new one from the banner at the top of the site.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Confirm your email address" footer={home}>
      <p className="mb-6 text-sm text-muted">Confirming tells NormFlix that this address is yours, so account mail reaches you.</p>
      <ActionForm action={verifyEmailAction} label="Confirm your email address">
        <input type="hidden" name="token" value={token} />
        <SubmitButton pendingLabel="Confirming…" className="w-full">
          Confirm my email address
        </SubmitButton>
      </ActionForm>
    </AuthCard>
  );
}
