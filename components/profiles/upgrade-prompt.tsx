import { getTranslations } from "next-intl/server";
import { UpgradeLinks } from "./upgrade-links";

/** Shown where a profile cannot be added: no plan yet, or the plan's profile limit is reached (the API's 426). */
export async function UpgradePrompt({ plan, limit }: { plan: string | null; limit: number }) {
  const t = await getTranslations("profiles");
  return (
    <div role="note" className="mx-auto max-w-xl space-y-4 rounded-lg bg-surface-raised p-5 text-center ring-1 ring-white/10">
      {plan ? (
        <p>{t.rich("limitReached", { plan, limit, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      ) : (
        <p>{t("choosePlan")}</p>
      )}
      <UpgradeLinks hasPlan={!!plan} />
    </div>
  );
}
