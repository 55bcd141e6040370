"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

/** Where to go when the plan does not allow another profile: the account's plan section, or the comparison. */
export function UpgradeLinks({ hasPlan }: { hasPlan: boolean }) {
  const t = useTranslations("profiles");
  return (
    <span className="flex flex-wrap justify-center gap-3">
      <Link href="/account#plan" className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-strong">
        {hasPlan ? t("upgradePlan") : t("choosePlanLink")}
      </Link>
      <Link href="/plans" className="rounded-md bg-white/10 px-4 py-2 text-sm font-semibold ring-1 ring-white/20 hover:bg-white/20">
        {t("comparePlans")}
      </Link>
    </span>
  );
}
