import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthCard } from "@/components/site/auth-card";
import { linkRequestDetails } from "@/lib/accounts/identities";
import { getTranslations } from "next-intl/server";
import { currentPrincipal } from "@/lib/site/session";
import { linkIdentityAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("linkSignIn"))("title") };
}

type Props = { searchParams: Promise<{ request?: string }> };

/**
 * After a single sign-on whose verified address an account already uses: linking it to that account needs the
 * account's password (and its code, with two-factor sign-in on). Nothing is linked before that.
 */
export default async function LinkIdentityPage({ searchParams }: Props) {
  const { request } = await searchParams;
  if (await currentPrincipal()) redirect("/profiles");
  const details = request ? await linkRequestDetails(request) : undefined;
  const t = await getTranslations("linkSignIn");
  const back = (
    <Link href="/signin" className="underline">
      {t("back")}
    </Link>
  );
  if (!request || !details) {
    return (
      <AuthCard title={t("title")}>
        <p role="alert" className="text-danger-soft">
          {t.rich("expired", {
            link: (chunks) => (
              <Link href="/signin" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </AuthCard>
    );
  }
  if (details.codeOnly) {
    return (
      <AuthCard title={t("twoFactor")}>
        <p className="mb-4 text-sm text-muted">
          {t("codeOnly", { provider: details.providerName })}
        </p>
        <ActionForm action={linkIdentityAction} label={t("twoFactor")}>
          <input type="hidden" name="request" value={request} />
          <Field name="code" label={t("code")} autoComplete="one-time-code" required autoFocus hint={t("codeHint")} />
          <SubmitButton pendingLabel={t("signingIn")} className="w-full">
            {t("signIn")}
          </SubmitButton>
        </ActionForm>
        <p className="mt-4 text-sm text-muted">{back}</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("linkTo", { provider: details.providerName })}>
      <p className="mb-4 text-sm text-muted">
        {t.rich("inUse", { strong: (chunks) => <strong className="text-white">{chunks}</strong>, email: details.email, provider: details.providerName })}
      </p>
      <ActionForm action={linkIdentityAction} label={t("linkLabel", { provider: details.providerName })}>
        <input type="hidden" name="request" value={request} />
        <Field name="password" label={t("password")} type="password" autoComplete="current-password" required autoFocus />
        {details.twoFactor && (
          <Field name="code" label={t("code")} autoComplete="one-time-code" required hint={t("codeHint")} />
        )}
        <SubmitButton pendingLabel={t("linking")} className="w-full">
          {t("linkAndSignIn")}
        </SubmitButton>
      </ActionForm>
      <p className="mt-4 text-sm text-muted">
        {t("notYours")} {back}
      </p>
    </AuthCard>
  );
}
