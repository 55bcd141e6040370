import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
import { sessionFromAlertLink } from "@/lib/accounts/security-events";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { endSessionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("endSession"))("title") };
}

type Props = { searchParams: Promise<{ session?: string | string[]; token?: string | string[] }> };

// Opened from a login alert's link: ends the session it names without signing in (whoever signed in may have changed
// the password). The button, not the link, does it, so a mail scanner fetching the link changes nothing.
export default async function EndSessionPage({ searchParams }: Props) {
  const [f, t] = await Promise.all([getFormat(), getTranslations("endSession")]);
  const { session: sessionId, token } = await searchParams;
  const session = typeof sessionId === "string" && typeof token === "string" ? await sessionFromAlertLink(sessionId, token) : undefined;
  const signIn = (
    <Link href="/signin" className="font-medium text-white hover:underline">
      {t("signIn")}
    </Link>
  );
  if (!session || session.revokedAt) {
    return (
      <AuthCard title={t("nothing")} footer={signIn}>
        <p role="alert" className="text-sm text-muted">
          {t("nothingText")}
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("confirm")} footer={signIn}>
      <p className="mb-6 text-sm text-muted">
        {t("details", { device: f.userAgent(session.userAgent), ip: session.ip ?? t("unknownAddress"), date: f.date(session.createdAt.toISOString()) })}
      </p>
      <ActionForm action={endSessionAction} label={t("end")}>
        <input type="hidden" name="session" value={session.id} />
        <input type="hidden" name="token" value={token} />
        <SubmitButton variant="danger" pendingLabel={t("ending")} className="w-full">
          {t("end")}
        </SubmitButton>
      </ActionForm>
    </AuthCard>
  );
}
