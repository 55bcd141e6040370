import Link from "next/link";
import { ProgressBar } from "@/components/catalog/progress-bar";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { Icon } from "@/components/catalog/icons";

type Props = {
  href: string;
  /** "Play", "Resume", "Play S2:E1"… */
  text: string;
  /** The full accessible name ("Resume The Long Dark, S1:E3"). */
  label: string;
  /** The started item's progress, shown under the button. */
  progress?: { percent: number | null; position_seconds: number; duration_seconds: number | null };
  available: boolean;
};

/** The title's main button, with how far the viewer is when resuming; says so when the video is not ready yet. */
export async function PlayButton({ href, text, label, progress, available }: Props) {
  const [f, t] = await Promise.all([getFormat(), getTranslations("title")]);
  if (!available) {
    return (
      <p className="inline-flex w-fit items-center gap-2 rounded bg-neutral-700 px-6 py-2.5 font-semibold text-neutral-200">
        {t("comingSoonLong")}
      </p>
    );
  }
  const left = progress ? f.timeLeft(progress.position_seconds, progress.duration_seconds) : undefined;
  return (
    <div className="flex flex-wrap items-center gap-4">
      {/* No prefetch: the watch route carries the player (hls.js), which browse pages must not download. */}
      <Link
        href={href}
        prefetch={false}
        aria-label={label}
        className="inline-flex items-center gap-2 rounded bg-white px-7 py-2.5 text-lg font-semibold text-black hover:bg-neutral-200"
      >
        <Icon name="play" className="size-6" /> {text}
      </Link>
      {progress && progress.percent !== null && (
        <div className="flex w-48 flex-col gap-1 text-sm text-neutral-300">
          <ProgressBar percent={progress.percent} label={t("percentWatched", { percent: progress.percent })} />
          {left && <span>{left}</span>}
        </div>
      )}
    </div>
  );
}
