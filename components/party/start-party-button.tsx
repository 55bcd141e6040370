"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { startParty, type StartPartyResult } from "@/app/party/actions";

type Item = { kind: "movie"; movie_id: string } | { kind: "episode"; show_id: string; season: number; episode: number };

/** "Watch together": starts a party on this movie or episode with the viewer as host, and goes into it. */
export function StartPartyButton({ item, className, beforeStart }: { item: Item; className?: string; beforeStart?: () => Promise<unknown> }) {
  const t = useTranslations("party");
  const [result, action, pending] = useActionState<StartPartyResult, FormData>(async (previous, form) => {
    await beforeStart?.();
    return startParty(previous, form);
  }, undefined);
  return (
    <form action={action} className="flex flex-col gap-1">
      {Object.entries(item).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className={className ?? "inline-flex w-fit items-center gap-2 rounded bg-neutral-600/80 px-5 py-2.5 font-semibold text-white hover:bg-neutral-500 disabled:opacity-60"}
      >
        {pending ? t("starting") : t("watchTogether")}
      </button>
      {result?.error && (
        <p role="alert" className="text-sm text-red-300">
          {result.error}
        </p>
      )}
    </form>
  );
}
