"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useChannelOnAir } from "@/components/player/use-channel-on-air";

/**
 * A live channel whose feed is down: the slate says so and waits; once the feed is back the page starts the stream
 * again by itself (a fresh stream start, with its rights and lease).
 */
export function OffAirSlate({ channelId, name, backHref }: { channelId: string; name: string; backHref: string }) {
  const router = useRouter();
  const onAir = useChannelOnAir(channelId, true);
  useEffect(() => {
    if (onAir) router.refresh();
  }, [onAir, router]);
  return (
    <main className="flex min-h-dvh items-center justify-center bg-black p-6">
      <div className="w-full max-w-lg space-y-5 text-center" data-testid="off-air">
        <p className="inline-block rounded bg-white/10 px-3 py-1 text-sm font-bold tracking-widest">OFF AIR</p>
        <h1 className="text-2xl font-bold">{name} is off air right now</h1>
        <p className="text-muted">The picture comes back here by itself as soon as the channel's feed does.</p>
        <Link href={backHref} className="inline-block rounded px-5 py-2 ring-1 ring-white/40 hover:bg-white/10">Back to the guide</Link>
      </div>
    </main>
  );
}
