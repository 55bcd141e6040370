import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
import { sessionFromAlertLink } from "@/lib/accounts/security-events";
import { getFormat } from "@/lib/i18n/server";
import { endSessionAction } from "./actions";

export const metadata: Metadata = { title: "End a session" };

type Props = { searchParams: Promise<{ session?: string | string[]; token?: string | string[] }> };

// Opened from a login alert's link: ends the session it names without signing in (whoever signed in may have changed
// the password). The button, not the link, does it, so a mail scanner fetching the link changes nothing.
export default async function EndSessionPage({ searchParams }: Props) {
  const f = await getFormat();
  const { session: sessionId, token } = await searchParams;
  const session = typeof sessionId === "string" && typeof token === "string" ? await sessionFromAlertLink(sessionId, token) : undefined;
  const signIn = (
    <Link href="/signin" className="font-medium text-white hover:underline">
      Sign in
    </Link>
  );
  if (!session || session.revokedAt) {
    return (
      <AuthCard title="Nothing to end" footer={signIn}>
        <p role="alert" className="text-sm text-muted">
          This session has already ended, or the link was copied incompletely. You can see and sign out every device from
          your account page.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="End this session?" footer={signIn}>
      <p className="mb-6 text-sm text-muted">
        {f.userAgent(session.userAgent)} from {session.ip ?? "an unknown address"}, signed in on {f.date(session.createdAt.toISOString())}.
        Ending it signs that device out at once. Then sign in and change your password.
      </p>
      <ActionForm action={endSessionAction} label="End this session">
        <input type="hidden" name="session" value={session.id} />
        <input type="hidden" name="token" value={token} />
        <SubmitButton variant="danger" pendingLabel="Ending…" className="w-full">
          End this session
        </SubmitButton>
      </ActionForm>
    </AuthCard>
  );
}
