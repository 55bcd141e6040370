import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
import { SsoButtons } from "@/components/site/sso-buttons";
import { configuredSsoProviders } from "@/lib/accounts/sso-providers";
import { PLANS, type PlanId } from "@/lib/billing/plans";
import { safeNext } from "@/lib/site/onboarding";
import { safeReturnPath } from "@/lib/site/return-path";
import { currentPrincipal } from "@/lib/site/session";
import { ssoSignInAction } from "../signin/actions";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create your account" };

type Props = { searchParams: Promise<{ callbackUrl?: string; plan?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const { callbackUrl, plan } = await searchParams;
  const chosen = plan && plan in PLANS ? PLANS[plan as PlanId] : undefined;
  // After sign-up the account page opens on its plan section (the plan chosen on /plans preselected), then the first
  // profile, then the page the visitor wanted (lib/site/onboarding.ts).
  const next = safeNext(callbackUrl);
  if (await currentPrincipal()) redirect(next ?? "/profiles");
  const signInHref = callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(safeReturnPath(callbackUrl))}` : "/signin";
  return (
    <AuthCard
      title="Create your account"
      footer={
        <>
          Already have an account?{" "}
          <Link href={signInHref} className="font-medium text-white hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      {chosen && (
        <p className="mb-4 text-sm text-muted">
          You chose the <strong className="text-white">{chosen.name}</strong> plan. You can change it at any time.
        </p>
      )}
      <ActionForm action={signUpAction} label="Create your account">
        {next && <input type="hidden" name="callbackUrl" value={next} />}
        {chosen && <input type="hidden" name="plan" value={chosen.id} />}
        <Field name="username" label="Username" autoComplete="username" autoCapitalize="none" spellCheck={false} required autoFocus hint="3–32 letters, digits, '.', '_' or '-'." />
        <Field name="email" label="Email" type="email" autoComplete="email" required />
        <Field name="password" label="Password" type="password" autoComplete="new-password" required minLength={8} hint="At least 8 characters." />
        <SubmitButton pendingLabel="Creating your account…" className="w-full">
          Create account
        </SubmitButton>
      </ActionForm>
      {/* A first single sign-on makes the account; the onboarding's plan step then follows from /profiles. */}
      <SsoButtons providers={configuredSsoProviders()} returnTo={next ?? "/profiles"} action={ssoSignInAction} />
    </AuthCard>
  );
}
