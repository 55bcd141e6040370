import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { TimeZoneCookie } from "@/components/account/time-zone-cookie";
import { Guide } from "@/components/live/guide";
import { GuideRefresh } from "@/components/live/guide-refresh";
import { catalogAudience } from "@/lib/catalog/audience";
import { getGuide } from "@/lib/channels/channels";
import { requireViewer } from "@/lib/site/session";
import { TIME_ZONE_COOKIE, timeZoneOr } from "@/lib/site/time-zone";

export const metadata: Metadata = { title: "Live TV" };

// The guide shows from a quarter of an hour ago to two hours ahead.
const BEFORE_MS = 15 * 60_000;
const AHEAD_MS = 2 * 3_600_000;

export default async function LivePage() {
  const viewer = await requireViewer("/live");
  const timeZone = timeZoneOr((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const now = Date.now();
  const channels = await getGuide(catalogAudience(viewer, {}), now - BEFORE_MS, now + AHEAD_MS, now);
  return (
    <div className="px-4 pb-16 pt-6 sm:px-8">
      <h1 className="text-3xl font-bold">Live TV</h1>
      <p className="mt-1 text-sm text-muted">What&apos;s on now and next. Choose a channel or a programme to watch live.</p>
      {channels.length === 0 ? (
        <div className="mt-6 max-w-xl text-neutral-300">
          <p>No channels yet.</p>
          <Link href="/browse" className="mt-6 inline-block rounded bg-white px-5 py-2.5 font-semibold text-black hover:bg-neutral-200">
            Browse titles
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
