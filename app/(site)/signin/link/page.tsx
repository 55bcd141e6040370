import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
import { linkRequestDetails } from "@/lib/accounts/identities";
import { currentPrincipal } from "@/lib/site/session";
import { linkIdentityAction } from "../actions";

export const metadata: Metadata = { title: "Link your sign-in" };

type Props = { searchParams: Promise<{ request?: string }> };

/**
 * After a single sign-on whose verified address an account already uses: linking it to that account needs the
 * account's password (and its code, with two-factor sign-in on). Nothing is linked before that.
 */
export default async function LinkIdentityPage({ searchParams }: Props) {
  const { request } = await searchParams;
  if (await currentPrincipal()) redirect("/profiles");
  const details = request ? await linkRequestDetails(request) : undefined;
  if (!request || !details) {
    return (
      <AuthCard title="Link your sign-in">
        <p role="alert" className="text-danger-soft">
          This request has expired or is not valid. <Link href="/signin" className="underline">Sign in again</Link>.
        </p>
      </AuthCard>
    );
  }
  if (details.codeOnly) {
    return (
      <AuthCard title="Two-factor sign-in">
        <p className="mb-4 text-sm text-muted">
          {details.providerName} confirmed who you are. Your account also asks for the code from your authenticator app.
        </p>
        <ActionForm action={linkIdentityAction} label="Two-factor sign-in">
          <input type="hidden" name="request" value={request} />
          <Field name="code" label="Authentication code" autoComplete="one-time-code" required autoFocus hint="From your authenticator app, or a recovery code." />
          <SubmitButton pendingLabel="Signing in…" className="w-full">
            Sign in
          </SubmitButton>
        </ActionForm>
        <p className="mt-4 text-sm text-muted">
          <Link href="/signin" className="underline">Back to sign-in</Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Link ${details.providerName} to your account`}>
      <p className="mb-4 text-sm text-muted">
        An account already uses <strong className="text-white">{details.email}</strong>. Enter its password to sign in with{" "}
        {details.providerName} from now on.
      </p>
      <ActionForm action={linkIdentityAction} label={`Link ${details.providerName}`}>
        <input type="hidden" name="request" value={request} />
        <Field name="password" label="Password" type="password" autoComplete="current-password" required autoFocus />
        {details.twoFactor && (
          <Field name="code" label="Authentication code" autoComplete="one-time-code" required hint="From your authenticator app, or a recovery code." />
        )}
        <SubmitButton pendingLabel="Linking…" className="w-full">
          Link and sign in
        </SubmitButton>
      </ActionForm>
      <p className="mt-4 text-sm text-muted">
        Not your account? <Link href="/signin" className="underline">Back to sign-in</Link>
      </p>
    </AuthCard>
  );
}
