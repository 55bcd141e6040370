"use client";
import { controlButton } from "./styles";
import { formatTime } from "./format";
import * as icons from "./icons";
import { Menu, type MenuOption } from "./menu";
import { SeekBar } from "./seek-bar";
import type { Thumbnail } from "./thumbnails";
import type { VideoState } from "./use-video-state";

type Props = {
  state: VideoState;
  thumbnails: Thumbnail[];
  qualityOptions: MenuOption[];
  quality: string;
  onQuality: (value: string) => void;
  subtitleOptions: MenuOption[];
  subtitle: string;
  onSubtitle: (value: string) => void;
  fullscreen: boolean;
  actions: { toggle: () => void; seekBy: (s: number) => void; seekTo: (s: number) => void; mute: () => void; setVolume: (v: number) => void; fullscreen: () => void };
  /** False for a watch party's members other than the host: no play, pause or seeking. */
  canControl?: boolean;
};

export function Controls({ state, thumbnails, qualityOptions, quality, onQuality, subtitleOptions, subtitle, onSubtitle, fullscreen, actions, canControl = true }: Props) {
  return (
    <div className="absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/90 via-black/50 to-transparent px-6 pt-16 pb-4">
      <div className="flex items-center gap-4">
        <div className="flex-1">
          {canControl ? (
            <SeekBar current={state.current} duration={state.duration} buffered={state.buffered} thumbnails={thumbnails} onSeek={actions.seekTo} />
          ) : (
            <div className="h-1 rounded bg-white/20" role="progressbar" aria-label="Party playback" aria-valuemin={0} aria-valuemax={Math.round(state.duration)} aria-valuenow={Math.round(state.current)}>
              <div className="h-full rounded bg-brand" style={{ width: `${state.duration ? (state.current / state.duration) * 100 : 0}%` }} />
            </div>
          )}
        </div>
        <span className="text-sm tabular-nums text-neutral-200">{formatTime(state.duration - state.current)}</span>
      </div>
      <div className="mt-2 flex items-center gap-2">
        {canControl && (
          <>
            <button type="button" className={controlButton} aria-label={state.paused ? "Play (space)" : "Pause (space)"} onClick={actions.toggle}>
              {state.paused ? <icons.PlayIcon /> : <icons.PauseIcon />}
            </button>
            <button type="button" className={controlButton} aria-label="Back 10 seconds (←)" onClick={() => actions.seekBy(-10)}>
              <icons.BackTenIcon />
            </button>
            <button type="button" className={controlButton} aria-label="Forward 10 seconds (→)" onClick={() => actions.seekBy(10)}>
              <icons.ForwardTenIcon />
            </button>
          </>
        )}
        <div className="group flex items-center">
          <button type="button" className={controlButton} aria-label={state.muted ? "Unmute (m)" : "Mute (m)"} onClick={actions.mute}>
            {state.muted || state.volume === 0 ? <icons.MutedIcon /> : <icons.VolumeIcon />}
          </button>
          <input
            type="range"
            aria-label="Volume"
            min={0}
            max={1}
            step={0.05}
            value={state.muted ? 0 : state.volume}
            onChange={(e) => actions.setVolume(Number(e.target.value))}
            className="w-0 accent-white opacity-0 transition-all group-focus-within:w-24 group-focus-within:opacity-100 group-hover:w-24 group-hover:opacity-100"
          />
        </div>
        <span className="ml-2 text-sm tabular-nums text-neutral-300">
          {formatTime(state.current)} / {formatTime(state.duration)}
        </span>
        <div className="flex-1" />
        {subtitleOptions.length > 1 && (
          <Menu label="Subtitles" icon={<icons.SubtitlesIcon />} options={subtitleOptions} value={subtitle} onChange={onSubtitle} />
        )}
        <Menu label="Quality" icon={<icons.QualityIcon />} options={qualityOptions} value={quality} onChange={onQuality} />
        <button type="button" className={controlButton} aria-label={fullscreen ? "Exit full screen (f)" : "Full screen (f)"} onClick={actions.fullscreen}>
          {fullscreen ? <icons.ExitFullscreenIcon /> : <icons.FullscreenIcon />}
        </button>
      </div>
    </div>
  );
}
