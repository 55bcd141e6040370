import { getTranslations } from "next-intl/server";
import { resendVerificationAction } from "@/app/(site)/verify-email/actions";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { addressToConfirm } from "@/lib/accounts/email-verification";
import { currentPrincipal, watchingAsKids } from "@/lib/site/session";

/** Until the account holder confirms the address, every page of the site asks for it, with a way to get the link again. */
export async function VerifyEmailBanner() {
  const principal = await currentPrincipal();
  if (!principal) return null;
  const [email, kids] = await Promise.all([addressToConfirm(principal), watchingAsKids(principal)]);
  if (!email || kids) return null;
  const t = await getTranslations("verifyBanner");
  return (
    <section aria-label={t("label")} className="border-b border-white/10 bg-surface-raised">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2 text-sm sm:px-8">
        {/* At least 16rem for the text: on a phone the button goes below it rather than squeezing it into a column. */}
        <p className="min-w-0 grow basis-64">
          {t.rich("text", { email: () => <span className="font-semibold break-all">{email}</span> })}
        </p>
        <ActionForm action={resendVerificationAction} label={t("formLabel")} className="flex flex-wrap items-center gap-3">
          <SubmitButton variant="secondary" pendingLabel={t("sending")}>
            {t("send")}
          </SubmitButton>
        </ActionForm>
      </div>
    </section>
  );
}
