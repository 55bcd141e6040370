import { getLocale, getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/access/rules";
import { viewingToday } from "@/lib/access/kids-controls";

/** On a profile with a daily viewing limit: how much is left today, or, once used, when watching can start again. */
export async function ViewingLimitNotice({ viewer }: { viewer: Viewer }) {
  if (viewer.profile.dailyLimitMinutes === null) return null;
  const today = await viewingToday(viewer);
  const limit = today.limitMinutes ?? 0;
  const left = Math.max(0, Math.floor(limit - today.usedSeconds / 60));
  const [locale, t] = await Promise.all([getLocale(), getTranslations("browse.limit")]);
  const resumes = new Intl.DateTimeFormat(locale, { timeZone: today.timeZone, hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(today.resetsAt);
  return left > 0 ? (
    <p role="status" data-viewing-limit className="mx-4 mt-4 rounded-lg bg-white/5 p-3 text-sm text-neutral-200 ring-1 ring-white/15 sm:mx-8">
      {t("left", { left, limit })}
    </p>
  ) : (
    <div role="status" data-viewing-limit="used" className="mx-4 mt-4 rounded-lg bg-brand/15 p-4 ring-1 ring-brand/50 sm:mx-8">
      <p className="text-lg font-semibold">{t("usedHeading")}</p>
      <p className="mt-1 text-neutral-200">
        {t("used", { name: viewer.profile.name, limit, resumes })}
      </p>
    </div>
  );
}
