"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useChannelOnAir } from "@/components/player/use-channel-on-air";

/**
 * A live channel whose feed is down: the slate says so and waits; once the feed is back the page starts the stream
 * again by itself (a fresh stream start, with its rights and lease).
 */
export function OffAirSlate({ channelId, name, backHref }: { channelId: string; name: string; backHref: string }) {
  const t = useTranslations("live");
  const router = useRouter();
  const onAir = useChannelOnAir(channelId, true);
  useEffect(() => {
    if (onAir) router.refresh();
  }, [onAir, router]);
  return (
    <main className="flex min-h-dvh items-center justify-center bg-black p-6">
      <div className="w-full max-w-lg space-y-5 text-center" data-testid="off-air">
        <p className="inline-block rounded bg-white/10 px-3 py-1 text-sm font-bold tracking-widest">{t("offAir").toUpperCase()}</p>
        <h1 className="text-2xl font-bold">{t("offAirTitle", { name })}</h1>
        <p className="text-muted">{t("offAirBack")}</p>
        <Link href={backHref} className="inline-block rounded px-5 py-2 ring-1 ring-white/40 hover:bg-white/10">{t("backToGuide")}</Link>
      </div>
    </main>
  );
}
