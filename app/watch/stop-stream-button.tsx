"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { endStream } from "@/components/player/playback-api";

/** Ends another of the account's streams, then tries this one again. */
export function StopStreamButton({ streamId }: { streamId: string }) {
  const t = useTranslations("watch");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [stopped, setStopped] = useState(false);
  return (
    <button
      type="button"
      disabled={pending || stopped}
      onClick={() =>
        startTransition(async () => {
          await endStream(streamId);
          setStopped(true);
          router.refresh();
        })
      }
      className="rounded bg-white px-3 py-1.5 text-sm font-semibold text-black hover:bg-white/80 disabled:opacity-50"
    >
      {stopped ? t("stopped") : pending ? t("stopping") : t("stopAndWatch")}
    </button>
  );
}
