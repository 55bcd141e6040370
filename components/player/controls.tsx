"use client";
import { useTranslations } from "next-intl";
import { controlButton } from "./styles";
import { formatTime } from "./format";
import * as icons from "./icons";
import { Menu, type MenuSection } from "./menu";
import { SeekBar } from "./seek-bar";
import type { Thumbnail } from "./thumbnails";
import type { Ref } from "react";
import type { VideoState } from "./use-video-state";

type Props = {
  state: VideoState;
  thumbnails: Thumbnail[];
  quality: MenuSection;
  /** The audio menu (one section), or null when the video has one audio track. */
  audio: MenuSection[] | null;
  /** The subtitle menu's sections (track, size, background), or null when the title has no subtitles. */
  subtitles: MenuSection[] | null;
  /** The bar itself (seek bar and buttons, without the gradient above): subtitles sit above it. */
  barRef?: Ref<HTMLDivElement>;
  fullscreen: boolean;
  /** Offered only where the browser has picture-in-picture. */
  pictureInPicture: { supported: boolean; active: boolean; toggle: () => void };
  actions: { toggle: () => void; seekBy: (s: number) => void; seekTo: (s: number) => void; mute: () => void; setVolume: (v: number) => void; fullscreen: () => void };
  /** False for a watch party's members other than the host: no play, pause or seeking. */
  canControl?: boolean;
  /** Live TV: the seek bar spans the window that can be rewound, and a LIVE badge brings the viewer back to the edge. */
  live?: { atEdge: boolean; backToLive: () => void };
};

export function Controls({ state, thumbnails, quality, audio, subtitles, barRef, fullscreen, pictureInPicture, actions, canControl = true, live }: Props) {
  const t = useTranslations("player");
  // Live, positions on the bar count from the start of the window that can still be rewound.
  const origin = live ? state.seekStart : 0;
  const length = live ? Math.max(0, state.seekEnd - state.seekStart) : state.duration;
  return (
    <div className="absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/90 via-black/50 to-transparent px-3 pt-16 pb-[max(1rem,env(safe-area-inset-bottom))] sm:px-6">
      <div ref={barRef} data-testid="control-bar">
        <div className="flex items-center gap-4">
          <div className="flex-1">
            {canControl ? (
              <SeekBar
                current={state.current - origin}
                duration={length}
                buffered={Math.max(0, state.buffered - origin)}
                thumbnails={thumbnails}
                onSeek={(time) => actions.seekTo(origin + time)}
              />
            ) : (
              <div className="h-1 rounded bg-white/20" role="progressbar" aria-label={t("partyPlayback")} aria-valuemin={0} aria-valuemax={Math.round(state.duration)} aria-valuenow={Math.round(state.current)}>
                <div className="h-full rounded bg-brand" style={{ width: `${state.duration ? (state.current / state.duration) * 100 : 0}%` }} />
              </div>
            )}
          </div>
          {live ? (
            <button
              type="button"
              onClick={live.backToLive}
              disabled={live.atEdge}
              aria-label={live.atEdge ? t("live") : t("backToLive")}
              data-testid="live-badge"
              data-at-edge={live.atEdge}
              className={`flex items-center gap-1.5 rounded px-2 py-0.5 text-sm font-bold tracking-wide whitespace-nowrap ${live.atEdge ? "bg-brand text-white" : "bg-white/15 text-neutral-100 hover:bg-white/25"}`}
            >
              <span aria-hidden className={`size-2 rounded-full ${live.atEdge ? "bg-white" : "bg-neutral-400"}`} />
              {live.atEdge ? t("liveBadge") : t("backToLive")}
            </button>
          ) : (
            <span className="text-sm whitespace-nowrap tabular-nums text-neutral-200">{formatTime(state.duration - state.current)}</span>
          )}
        </div>
        <div className="mt-2 flex items-center gap-1 sm:gap-2">
          {canControl && (
            <>
              <button type="button" className={controlButton} aria-label={state.paused ? t("playKey") : t("pauseKey")} onClick={actions.toggle}>
                {state.paused ? <icons.PlayIcon /> : <icons.PauseIcon />}
              </button>
              <button type="button" className={`${controlButton} max-sm:hidden`} aria-label={t("back10")} onClick={() => actions.seekBy(-10)}>
                <icons.BackTenIcon />
              </button>
              <button type="button" className={`${controlButton} max-sm:hidden`} aria-label={t("forward10")} onClick={() => actions.seekBy(10)}>
                <icons.ForwardTenIcon />
              </button>
            </>
          )}
          <div className="group flex items-center">
            <button type="button" className={controlButton} aria-label={state.muted ? t("unmute") : t("mute")} onClick={actions.mute}>
              {state.muted || state.volume === 0 ? <icons.MutedIcon /> : <icons.VolumeIcon />}
            </button>
            <input
              type="range"
              aria-label={t("volume")}
              min={0}
              max={1}
              step={0.05}
              value={state.muted ? 0 : state.volume}
              onChange={(e) => actions.setVolume(Number(e.target.value))}
              className="w-0 accent-white opacity-0 transition-all group-focus-within:w-24 group-focus-within:opacity-100 group-hover:w-24 group-hover:opacity-100 max-sm:hidden"
            />
          </div>
          {/* One line at any width: on a narrow screen the duration goes first when there is no room for it (the
              remaining time stays on the seek bar's row). */}
          {live ? (
            !live.atEdge && (
              <span data-testid="time-readout" className="ml-1 text-sm whitespace-nowrap tabular-nums text-neutral-300 sm:ml-2">
                {t("behindLive", { time: formatTime(Math.max(0, state.seekEnd - state.current)) })}
              </span>
            )
          ) : (
            <span data-testid="time-readout" className="ml-1 text-sm whitespace-nowrap tabular-nums text-neutral-300 sm:ml-2">
              {formatTime(state.current)}
              <span className={state.duration >= 3600 ? "max-sm:hidden" : "max-[359px]:hidden"}> / {formatTime(state.duration)}</span>
            </span>
          )}
          <div className="flex-1" />
          {audio && <Menu label={t("audio")} icon={<icons.AudioIcon />} sections={audio} />}
          {subtitles && <Menu label={t("subtitles")} icon={<icons.SubtitlesIcon />} sections={subtitles} />}
          <Menu label={t("quality")} icon={<icons.QualityIcon />} sections={[quality]} />
          {pictureInPicture.supported && (
            <button type="button" className={controlButton} aria-label={pictureInPicture.active ? t("exitPip") : t("pip")} onClick={pictureInPicture.toggle}>
              <icons.PictureInPictureIcon />
            </button>
          )}
          <button type="button" className={controlButton} aria-label={fullscreen ? t("exitFullscreen") : t("fullscreen")} onClick={actions.fullscreen}>
            {fullscreen ? <icons.ExitFullscreenIcon /> : <icons.FullscreenIcon />}
          </button>
        </div>
      </div>
    </div>
  );
}
