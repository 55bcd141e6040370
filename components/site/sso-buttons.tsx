import { getTranslations } from "next-intl/server";
import { SubmitButton } from "@/components/forms/submit-button";
import type { SsoProvider } from "@/lib/accounts/sso-providers";

/**
 * "Continue with …" for each configured single sign-on provider (none: nothing is shown). Each is a plain form, so it
 * works before the page's scripts load.
 */
export async function SsoButtons({
  providers,
  returnTo,
  action,
}: {
  providers: SsoProvider[];
  returnTo: string;
  action: (formData: FormData) => Promise<void>;
}) {
  if (providers.length === 0) return null;
  const t = await getTranslations("auth");
  return (
    <div className="mt-6 space-y-3">
      <p className="flex items-center gap-3 text-sm text-muted before:h-px before:flex-1 before:bg-white/15 after:h-px after:flex-1 after:bg-white/15">
        {t("or")}
      </p>
      {providers.map((provider) => (
        <form key={provider.id} action={action}>
          <input type="hidden" name="provider" value={provider.id} />
          <input type="hidden" name="callbackUrl" value={returnTo} />
          <SubmitButton variant="secondary" pendingLabel={t("opening", { provider: provider.name })} className="w-full">
            {t("continueWith", { provider: provider.name })}
          </SubmitButton>
        </form>
      ))}
    </div>
  );
}
