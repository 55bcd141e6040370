import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TimeZoneCookie } from "@/components/account/time-zone-cookie";
import { Guide } from "@/components/live/guide";
import { GuideRefresh } from "@/components/live/guide-refresh";
import { catalogAudience } from "@/lib/catalog/audience";
import { getGuide } from "@/lib/channels/channels";
import { requireViewer } from "@/lib/site/session";
import { TIME_ZONE_COOKIE, timeZoneOr } from "@/lib/site/time-zone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("live"))("title") };
}

// The guide shows from a quarter of an hour ago to two hours ahead.
const BEFORE_MS = 15 * 60_000;
const AHEAD_MS = 2 * 3_600_000;

export default async function LivePage() {
  const viewer = await requireViewer("/live");
  const timeZone = timeZoneOr((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const now = Date.now();
  const t = await getTranslations("live");
  const channels = await getGuide(catalogAudience(viewer, {}), now - BEFORE_MS, now + AHEAD_MS, now);
  return (
    <div className="px-4 pb-16 pt-6 sm:px-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      {channels.length === 0 ? (
        <div className="mt-6 max-w-xl text-neutral-300">
          <p>{t("none")}</p>
          <Link href="/browse" className="mt-6 inline-block rounded bg-white px-5 py-2.5 font-semibold text-black hover:bg-neutral-200">
            {t("browse")}
          </Link>
        </div>
      ) : (
        <div className="mt-6">
          <Guide channels={channels} fromMs={now - BEFORE_MS} toMs={now + AHEAD_MS} nowMs={now} timeZone={timeZone} />
        </div>
      )}
      <TimeZoneCookie used={timeZone} />
      <GuideRefresh seconds={30} />
    </div>
  );
}
