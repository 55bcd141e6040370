import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("createYourAccount") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; plan?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const { callbackUrl, plan } = await searchParams;
  const chosen = plan && plan in PLANS ? PLANS[plan as PlanId] : undefined;
  // After sign-up the account page opens on its plan section (the plan chosen on /plans preselected), then the first
  // profile, then the page the visitor wanted (lib/site/onboarding.ts).
  const next = safeNext(callbackUrl);
  if (await currentPrincipal()) redirect(next ?? "/profiles");
  const t = await getTranslations("auth");
  const signInHref = callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(safeReturnPath(callbackUrl))}` : "/signin";
  return (
    <AuthCard
      title={t("createYourAccount")}
      footer={
        <>
          {t("haveAccount")}{" "}
          <Link href={signInHref} className="font-medium text-white hover:underline">
            {t("signIn")}
          </Link>
        </>
      }
    >
      {chosen && (
        <p className="mb-4 text-sm text-muted">
          {t.rich("chosePlan", { plan: chosen.name, strong: (chunks) => <strong className="text-white">{chunks}</strong> })}
        </p>
      )}
      <ActionForm action={signUpAction} label={t("createYourAccount")}>
        {next && <input type="hidden" name="callbackUrl" value={next} />}
        {chosen && <input type="hidden" name="plan" value={chosen.id} />}
        <Field name="username" label={t("username")} autoComplete="username" autoCapitalize="none" spellCheck={false} required autoFocus hint={t("usernameHint")} />
        <Field name="email" label={t("email")} type="email" autoComplete="email" required />
        <Field name="password" label={t("password")} type="password" autoComplete="new-password" required minLength={8} hint={t("passwordHint")} />
        <SubmitButton pendingLabel={t("creating")} className="w-full">
          {t("createAccount")}
        </SubmitButton>
      </ActionForm>
      {/* A first single sign-on makes the account; the onboarding's plan step then follows from /profiles. */}
      <SsoButtons providers={configuredSsoProviders()} returnTo={next ?? "/profiles"} action={ssoSignInAction} />
    </AuthCard>
  );
}
