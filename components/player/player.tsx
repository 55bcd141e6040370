"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { FloatingReactions, PartyPanel } from "@/components/party/party-panel";
import { StartPartyButton } from "@/components/party/start-party-button";
import type { PartyInfo } from "@/components/party/types";
import { useParty, type PartyControls } from "@/components/party/use-party";
import { Controls } from "./controls";
import { BackIcon, PauseIcon, PlayIcon } from "./icons";
import { ErrorMessage, SeekIndicator, SkipIntro, Spinner, UpNextCard } from "./overlays";
import { endStream } from "./playback-api";
import { useThumbnails } from "./thumbnails";
import type { PlayerStream, ProgressTarget, UpNext } from "./types";
import { SubtitleOverlay } from "./subtitle-overlay";
import { useDelayed, useFullscreen, useIdle, useLift, usePictureInPicture } from "./use-player-ui";
import { SUBTITLE_BACKGROUNDS, SUBTITLE_SIZES, useSubtitles, type SubtitleStyle } from "./use-subtitles";
import { useAudioTracks } from "./use-audio-tracks";
import { useHls } from "./use-hls";
import { useKeyboardShortcuts } from "./use-keyboard";
import { useChannelOnAir } from "./use-channel-on-air";
import { useLiveProgramme } from "./use-live-programme";
import { usePlaybackAnalytics } from "./use-playback-analytics";
import { useProgressReporter } from "./use-progress-reporter";
import { useVideoGestures } from "./use-video-gestures";
import { useVideoState } from "./use-video-state";

type Props = {
  stream: PlayerStream;
  profile: string;
  /** Where progress is written; null for live TV, which keeps none. */
  target: ProgressTarget | null;
  title: string;
  subtitle?: string;
  backHref: string;
  next: UpNext | null;
  /** Watching in a party: the party steers playback, and only its host controls it. */
  party?: PartyInfo;
  /** Live TV: starts at the live edge, rewinds within the window, the title follows the programme on screen. */
  live?: { channelId: string; ingest?: boolean };
};

/** How far behind the live edge (hls.js's sync position) still counts as live. */
const LIVE_EDGE_SLACK_SECONDS = 6;

/** The full-screen player: HLS, progress reporting, controls, shortcuts, previews, skip intro and up next. */
export default function Player(props: Props) {
  return props.party ? <PartyPlayer {...props} party={props.party} /> : <PlayerView {...props} party={undefined} />;
}

/** Hooks may not be called conditionally: the party's own component holds its hook. */
function PartyPlayer(props: Props & { party: PartyInfo }) {
  const video = useRef<HTMLVideoElement>(null);
  const party = useParty(video, props.party);
  return <PlayerView {...props} video={video} party={party} />;
}

function PlayerView({ stream, profile, target, title, subtitle, backHref, next, live, ...rest }: Omit<Props, "party"> & { video?: RefObject<HTMLVideoElement | null>; party?: PartyControls }) {
  const { party } = rest;
  const t = useTranslations("player");
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const ownVideo = useRef<HTMLVideoElement>(null);
  const video = rest.video ?? ownVideo;
  const analytics = usePlaybackAnalytics(video, stream.stream_id);
  const hls = useHls(video, stream.manifest_url, stream.resume_from, analytics, (stream.audio_tracks?.length ?? 0) > 1);
  const audio = useAudioTracks(hls.instance, stream.audio_language ?? null, live ? null : profile);
  const state = useVideoState(video, stream.duration_seconds ?? 0);
  const thumbnails = useThumbnails(stream.thumbnails_url, video);
  const fullscreen = useFullscreen(container);
  const pictureInPicture = usePictureInPicture(video);
  const subtitles = useSubtitles(video, stream.subtitles, pictureInPicture.active, stream.subtitle_language ?? null);
  const { idle, wake, hide } = useIdle(!state.paused);
  const [blocked, setBlocked] = useState(false);
  const [upNextDismissed, setUpNextDismissed] = useState(false);
  useProgressReporter(video, profile, live ? null : target, stream.stream_id);
  // An ingested channel has no schedule; while its picture stalls, ask whether its feed went off air (slate below).
  const programme = useLiveProgramme(live?.ingest ? undefined : live?.channelId, hls.playingDate, Math.floor(state.current));
  const { liveSyncPosition } = hls;
  const liveEdge = live ? (liveSyncPosition() ?? Math.max(state.seekStart, state.seekEnd - 18)) : 0;
  const liveControls = live && { atEdge: state.current >= liveEdge - LIVE_EDGE_SLACK_SECONDS, backToLive: () => void (video.current && (video.current.currentTime = liveEdge), video.current?.play()) };

  // Start as soon as the first frames can play; a browser that refuses autoplay gets a big play button. (An earlier
  // play() would be aborted by hls.js attaching the source.)
  // In a party the party decides when to play.
  const inParty = party !== undefined;
  useEffect(() => {
    const media = video.current;
    if (inParty) return;
    const start = () => media?.play().catch((error: DOMException) => error.name === "NotAllowedError" && setBlocked(true));
    media?.addEventListener("canplay", start, { once: true });
    return () => media?.removeEventListener("canplay", start);
  }, [video, inParty]);

  const actions = useMemo(() => {
    const media = () => video.current!;
    // Live, only the window can be sought: never before its start, never past the edge.
    const clamp = (time: number) => {
      const seekable = media().seekable;
      if (live && seekable.length) return Math.max(seekable.start(0), Math.min(time, seekable.end(seekable.length - 1)));
      return Math.max(0, Math.min(time, media().duration || time));
    };
    // A party's host moves everyone through the server; other members cannot move the video at all.
    const seekTo = (time: number) => (party ? party.isHost && void party.seek(clamp(time)) : (media().currentTime = clamp(time)));
    return {
      toggle: () => {
        if (party) {
          // Played inside the click, a user gesture, so a browser that blocked autoplay lets the party's play through.
          const willPlay = !(party.state.playing || party.state.waiting_for_members);
          if (party.isHost ? willPlay : party.state.playing) void media().play().catch(() => undefined);
          if (party.isHost) void party.toggle();
          return;
        }
        return media().paused ? media().play().then(() => setBlocked(false), () => undefined) : media().pause();
      },
      seekTo,
      // Live, going back counts from the edge at the latest: from a playhead that ran ahead of it, ten seconds back
      // would still be at the edge.
      seekBy: (seconds: number) =>
        seekTo((live && seconds < 0 ? Math.min(media().currentTime, liveSyncPosition() ?? Infinity) : media().currentTime) + seconds),
      mute: () => (media().muted = !media().muted),
      setVolume: (volume: number) => ((media().volume = volume), (media().muted = volume === 0)),
      volumeBy: (delta: number) => ((media().volume = Math.min(1, Math.max(0, media().volume + delta))), (media().muted = false)),
      fullscreen: fullscreen.toggle,
    };
  }, [fullscreen.toggle, video, party, live, liveSyncPosition]);
  useKeyboardShortcuts(actions, wake);

  const playNext = useCallback(async () => {
    if (!next) return;
    video.current?.pause(); // writes the final position
    await endStream(stream.stream_id); // frees the slot before the next episode asks for one
    router.push(next.href);
  }, [next, router, stream.stream_id]);

  const { intro } = stream;
  const inIntro = intro !== null && state.current >= intro.start && state.current < intro.end - 1;
  const creditsAt = stream.credits_start ?? Math.max(0, state.duration - 20);
  const showUpNext = next !== null && !upNextDismissed && state.duration > 0 && (state.ended || state.current >= creditsAt);
  const chrome = !idle || state.paused || blocked;
  const loading = useDelayed(state.waiting && !blocked && !hls.error, SPINNER_DELAY_MS);
  const offAir = useChannelOnAir(live?.ingest ? live.channelId : undefined, loading) === false;
  const canControl = !party || party.isHost;
  const gestures = useVideoGestures({
    toggleControls: () => (chrome ? hide() : wake()),
    togglePlay: () => (actions.toggle(), wake()),
    seekBy: canControl ? actions.seekBy : null,
    fullscreen: actions.fullscreen,
  });
  const controlBar = useLift();
  const quality = {
    label: t("quality"),
    options: [{ value: "-1", label: hls.playing && hls.quality === -1 ? t("autoPlaying", { quality: hls.playing }) : t("auto") }, ...hls.qualities.map((q) => ({ value: String(q.index), label: q.name }))],
    value: String(hls.quality),
    onChange: (value: string) => hls.setQuality(Number(value)),
  };
  const audioMenu = audio.tracks.length < 2 ? null : [
    { label: t("audio"), options: audio.tracks.map((t) => ({ value: String(t.index), label: t.label })), value: String(audio.current), onChange: (value: string) => audio.select(Number(value)) },
  ];
  const subtitleMenu = stream.subtitles.length === 0 ? null : [
    { label: t("subtitles"), options: subtitles.options.map((o) => (o.value === "off" ? { ...o, label: t("off") } : o)), value: subtitles.selected, onChange: subtitles.select },
    { label: t("size"), options: choices(SUBTITLE_SIZES, (key) => t(`sizes.${key}`)), value: subtitles.style.size, onChange: (size: string) => subtitles.setStyle({ size: size as SubtitleStyle["size"] }), keepOpen: true },
    { label: t("background"), options: choices(SUBTITLE_BACKGROUNDS, (key) => t(`backgrounds.${key}`)), value: subtitles.style.background, onChange: (background: string) => subtitles.setStyle({ background: background as SubtitleStyle["background"] }), keepOpen: true },
  ];
  // On a touch screen play/pause is its own big button in the middle (a tap on the video only shows the controls).
  const centreButton = blocked || (gestures.touch && chrome && !loading && canControl);

  const player = (
    <div
      ref={container}
      className={`fixed inset-y-0 left-0 bg-black text-white select-none ${party ? "right-0 max-lg:bottom-1/2 lg:right-96" : "right-0"} ${chrome ? "" : "cursor-none"}`}
      onPointerMove={wake}
      data-testid="player"
      data-controls={chrome ? "shown" : "hidden"}
      data-audio-language={audio.tracks[audio.current]?.language}
    >
      <video
        ref={video}
        className="size-full touch-manipulation"
        playsInline
        crossOrigin="anonymous"
        {...gestures.handlers}
        aria-label={title}
      >
        {stream.subtitles.map((track) => (
          <track key={track.language} kind="subtitles" src={track.url} srcLang={track.language} label={track.label} />
        ))}
      </video>
      <SubtitleOverlay lines={subtitles.lines} style={subtitles.style} controlsHeight={chrome ? controlBar.lift : null} />
      {loading && !offAir && <Spinner />}
      {offAir && (
        <div role="status" data-testid="off-air" className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center gap-2 bg-black/80">
          <p className="rounded bg-white/10 px-3 py-1 text-sm font-bold tracking-widest">{t("offAir")}</p>
          <p className="text-muted">{t("offAirStopped")}</p>
        </div>
      )}
      {gestures.indicator !== null && <SeekIndicator seconds={gestures.indicator} />}
      {centreButton && !hls.error && (
        <button
          type="button"
          aria-label={state.paused ? t("play") : t("pause")}
          onClick={() => (actions.toggle(), wake())}
          className="absolute top-1/2 left-1/2 z-10 flex size-24 -translate-1/2 items-center justify-center rounded-full bg-black/60 ring-2 ring-white/80 hover:bg-brand"
        >
          {state.paused ? <PlayIcon /> : <PauseIcon />}
        </button>
      )}
      <div className={`transition-opacity duration-300 ${chrome ? "opacity-100" : "pointer-events-none opacity-0"}`}>
        <div className="absolute inset-x-0 top-0 flex items-center gap-4 bg-gradient-to-b from-black/80 to-transparent px-6 pt-4 pb-12">
          <Link href={backHref} prefetch={false} aria-label={t("back")} className="rounded-full p-2 hover:bg-white/10">
            <BackIcon />
          </Link>
          <div className="flex-1">
            <h1 className="text-lg font-semibold" data-testid="player-title">{live && programme ? programme.title : title}</h1>
            {live ? <p className="text-sm text-muted">{programme ? `${title} · ${clock(programme.starts_at)}–${clock(programme.ends_at)}` : title}</p> : subtitle && <p className="text-sm text-muted">{subtitle}</p>}
          </div>
          {!party && target && !live && (
            <StartPartyButton
              item={target.kind === "movie_watch_progress" ? { kind: "movie", movie_id: target.movie_id } : { kind: "episode", show_id: target.tv_show_id, season: target.tv_show_season, episode: target.tv_show_episode }}
              className="rounded px-4 py-2 text-sm font-semibold ring-1 ring-white/50 hover:bg-white/10 disabled:opacity-60"
              // Its stream is handed back first, so the party's does not need a second of the plan's slots.
              beforeStart={async () => (video.current?.pause(), endStream(stream.stream_id))}
            />
          )}
        </div>
        <Controls
          state={state}
          thumbnails={thumbnails}
          quality={quality}
          audio={audioMenu}
          subtitles={subtitleMenu}
          barRef={controlBar.ref}
          fullscreen={fullscreen.active}
          pictureInPicture={pictureInPicture}
          actions={actions}
          canControl={canControl}
          live={liveControls || undefined}
        />
      </div>
      {inIntro && !showUpNext && <SkipIntro onSkip={() => actions.seekTo(intro.end)} />}
      {showUpNext && next && <UpNextCard next={next} onPlay={playNext} onDismiss={() => setUpNextDismissed(true)} />}
      {hls.error && <ErrorMessage error={hls.error} onRetry={hls.retry} />}
      {party && <FloatingReactions reactions={party.reactions} />}
      {party?.ended && <PartyEnded message={party.ended} backHref={backHref} />}
    </div>
  );
  if (!party) return player;
  return (
    <>
      {player}
      <div className="fixed inset-x-0 bottom-0 h-1/2 lg:inset-y-0 lg:right-0 lg:left-auto lg:h-full lg:w-96">
        <PartyPanel party={party} backHref={backHref} />
      </div>
    </>
  );
}

const SPINNER_DELAY_MS = 500;

const clock = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });

const choices = <K extends string>(labels: Record<K, string>, label: (key: K) => string) => (Object.keys(labels) as K[]).map((value) => ({ value, label: label(value) }));

function PartyEnded({ message, backHref }: { message: string; backHref: string }) {
  const t = useTranslations("player");
  return (
    <div role="dialog" aria-label={t("partyEnded")} className="absolute inset-0 flex items-center justify-center bg-black/80">
      <div className="space-y-4 text-center">
        <p className="text-xl font-semibold">{message}</p>
        <Link href={backHref} className="inline-block rounded bg-white px-5 py-2 font-semibold text-black hover:bg-neutral-200">
          {t("backToTitle")}
        </Link>
      </div>
    </div>
  );
}
