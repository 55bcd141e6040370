"use client";
import { useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/lib/i18n/client";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { correctionFor, expectedPosition, IN_SYNC_SECONDS, ServerClock, type PartyState } from "./sync";
import type { ChatMessage, PartyInfo, PartyMember, Reaction } from "./types";

// A member's side of a watch party: the event stream (EventSource resumes with Last-Event-ID by itself), the server
// clock estimate, and the loop that keeps the video where the party is. Host controls go to the server and come back
// as `state` events like everyone else's, so the host's own player follows the same path.

const SYNC_EVERY_MS = 250;
const CLOCK_SAMPLES_AT_START = 5;
const REACTION_MS = 4_000;
/**
 * While paused, the video is moved when it is this far off. The host's pause lands wherever its player was, up to a
 * round trip away from the others: a looser bound (0.25 s, the first bench run) left members up to that far apart
 * for the whole pause.
 */
const PAUSED_TOLERANCE_SECONDS = IN_SYNC_SECONDS;

export type SyncStatus = { errorMs: number | null; correcting: "none" | "rate" | "seek" | "waiting" };

const api = (partyId: string, path = "") => `/api/parties/${partyId}${path}`;

async function send(url: string, method: string, body?: unknown): Promise<Response> {
  return fetch(url, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function problemOf(response: Response, describe: ReturnType<typeof useApiErrorMessage>): Promise<string | null> {
  if (response.ok) return null;
  const body = await response.json().catch(() => null);
  return describe(body?.error, response.status);
}

export function useParty(video: RefObject<HTMLVideoElement | null>, initial: PartyInfo) {
  const partyId = initial.id;
  const t = useTranslations("party");
  const describe = useApiErrorMessage();
  const [state, setState] = useState<PartyState>(initial.state);
  const [members, setMembers] = useState<PartyMember[]>(initial.members);
  const [hostId, setHostId] = useState(initial.host?.member_id ?? null);
  const [waitForEveryone, setWaitForEveryone] = useState(initial.wait_for_everyone);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [olderMessages, setOlderMessages] = useState(false);
  const [reactions, setReactions] = useState<Reaction[]>([]);
  const [typing, setTyping] = useState<Record<string, string>>({});
  const [ended, setEnded] = useState<string | null>(null);
  const [connected, setConnected] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sync, setSync] = useState<SyncStatus>({ errorMs: null, correcting: "none" });
  const clock = useRef(new ServerClock());
  const stateRef = useRef(state);
  stateRef.current = state;
  const reactionKey = useRef(0);

  const sampleClock = useCallback(async () => {
    const sent = Date.now();
    const response = await fetch("/api/parties/clock", { cache: "no-store" }).catch(() => null);
    const received = Date.now();
    if (!response?.ok) return;
    const { server_ms } = (await response.json()) as { server_ms: number };
    clock.current.add(sent, server_ms, received);
  }, []);

  // Clock: several samples at once, then one more with every `time` event the stream brings.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      for (let n = 0; n < CLOCK_SAMPLES_AT_START && !cancelled; n++) {
        await sampleClock();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    return () => void (cancelled = true);
  }, [sampleClock]);

  // History: the newest page, shown oldest first.
  const loadMessages = useCallback(
    async (before?: number) => {
      const response = await fetch(api(partyId, `/messages?limit=50${before ? `&before=${before}` : ""}`), { cache: "no-store" });
      if (!response.ok) return;
      const page = (await response.json()) as { items: ChatMessage[]; total: number };
      setMessages((current) => [...page.items.reverse(), ...current.filter((m) => !page.items.some((p) => p.id === m.id))]);
      setOlderMessages(page.total > page.items.length);
    },
    [partyId],
  );
  useEffect(() => void loadMessages(), [loadMessages]);

  useEffect(() => {
    const source = new EventSource(api(partyId, "/events"));
    const on = <T,>(name: string, handle: (data: T) => void) =>
      source.addEventListener(name, (event) => handle(JSON.parse((event as MessageEvent<string>).data) as T));
    source.onopen = () => {
      setConnected(true);
      setProblem(null);
    };
    source.onerror = () => {
      setConnected(false);
      // Closed for good: the server refused the reconnect (no longer a member, or the party ended).
      if (source.readyState === EventSource.CLOSED) setProblem(t("noLongerIn"));
    };
    on<PartyState>("state", (data) => setState(data));
    on<{ members: PartyMember[] }>("member_joined", (data) => setMembers(data.members));
    on<{ members: PartyMember[] }>("member_left", (data) => setMembers(data.members));
    on<{ host: PartyMember }>("host_changed", (data) => {
      setHostId(data.host.member_id);
      setMembers((current) => current.map((m) => ({ ...m, is_host: m.member_id === data.host.member_id })));
    });
    on<{ wait_for_everyone: boolean }>("options", (data) => setWaitForEveryone(data.wait_for_everyone));
    on<ChatMessage>("message", (data) => setMessages((current) => (current.some((m) => m.id === data.id) ? current : [...current, data])));
    on<{ emoji: string; profile: string }>("reaction", (data) => {
      const key = ++reactionKey.current;
      setReactions((current) => [...current, { key, emoji: data.emoji, profile: data.profile, left: 10 + Math.random() * 70 }]);
      setTimeout(() => setReactions((current) => current.filter((r) => r.key !== key)), REACTION_MS);
    });
    on<{ member_id: string; profile: string; typing: boolean }>("typing", (data) =>
      setTyping((current) => {
        const next = { ...current };
        if (data.typing) next[data.member_id] = data.profile;
        else delete next[data.member_id];
        return next;
      }),
    );
    on<{ reason: string }>("ended", (data) => {
      setEnded(data.reason === "ended_by_host" ? t("endedByHost") : t("everyoneLeft"));
      source.close();
    });
    on("time", () => void sampleClock());
    return () => source.close();
  }, [partyId, sampleClock]);

  // The sync loop: steer the video toward where the party is.
  useEffect(() => {
    const timer = setInterval(() => {
      const media = video.current;
      if (!media || media.readyState < 1 || ended) return;
      const current = stateRef.current;
      const expected = Math.min(expectedPosition(current, clock.current.now()), Number.isFinite(media.duration) ? media.duration : Infinity);
      const error = media.currentTime - expected;
      if (!current.playing) {
        if (!media.paused) media.pause();
        media.playbackRate = 1;
        if (Math.abs(error) > PAUSED_TOLERANCE_SECONDS && !media.seeking) media.currentTime = expected;
        setSync({ errorMs: Math.round(error * 1000), correcting: current.waiting_for_members ? "waiting" : "none" });
        return;
      }
      if (media.paused) media.play().catch(() => setProblem(t("pressPlay")));
      if (media.seeking) return;
      const correction = correctionFor(error, expected, current.rate);
      if (correction.kind === "seek") {
        media.playbackRate = current.rate;
        media.currentTime = correction.to;
      } else media.playbackRate = correction.kind === "rate" ? correction.rate : current.rate;
      setSync({ errorMs: Math.round(error * 1000), correcting: correction.kind });
    }, SYNC_EVERY_MS);
    return () => clearInterval(timer);
  }, [video, ended]);

  // Rebuffering is reported while the party plays, so a host's "wait for everyone" can hold it.
  useEffect(() => {
    const media = video.current;
    if (!media) return;
    let buffering = false;
    const report = (now: boolean) => {
      if (now === buffering) return;
      buffering = now;
      void send(api(partyId, "/buffering"), "POST", { buffering: now }).catch(() => undefined);
    };
    const onWaiting = () => stateRef.current.playing && !media.seeking && report(true);
    const onPlaying = () => report(false);
    media.addEventListener("waiting", onWaiting);
    media.addEventListener("playing", onPlaying);
    media.addEventListener("canplaythrough", onPlaying);
    return () => {
      media.removeEventListener("waiting", onWaiting);
      media.removeEventListener("playing", onPlaying);
      media.removeEventListener("canplaythrough", onPlaying);
    };
  }, [video, partyId]);

  const you = initial.you;
  const isHost = hostId !== null && hostId === you;

  const call = useCallback(async (path: string, method: string, body?: unknown) => {
    const message = await problemOf(await send(api(partyId, path), method, body), describe);
    setProblem(message);
    return message === null;
  }, [partyId, describe]);

  const control = useCallback(
    (action: "play" | "pause" | "seek", position?: number) => call("/control", "POST", { action, position: position === undefined ? undefined : Math.max(0, position) }),
    [call],
  );

  return {
    code: initial.code,
    state,
    members,
    hostId,
    isHost,
    you,
    waitForEveryone,
    messages,
    olderMessages,
    loadOlder: () => loadMessages(messages[0]?.id),
    reactions,
    typing: Object.entries(typing).filter(([id]) => id !== you).map(([, name]) => name),
    ended,
    connected,
    problem,
    sync,
    /** The host's play/pause: from where this player is. */
    toggle: () => (stateRef.current.playing || stateRef.current.waiting_for_members ? control("pause", video.current?.currentTime) : control("play", video.current?.currentTime)),
    seek: (position: number) => control("seek", position),
    say: (text: string) => call("/messages", "POST", { text }),
    react: (emoji: string) => call("/reactions", "POST", { emoji }),
    /** Invites another member by username (a notification with the party's link); true when sent. */
    invite: (username: string) => call("/invites", "POST", { username }),
    setTypingNow: (now: boolean) => void send(api(partyId, "/typing"), "POST", { typing: now }).catch(() => undefined),
    setWait: (wait: boolean) => call("", "PATCH", { wait_for_everyone: wait }),
    makeHost: (memberId: string) => call("/host", "POST", { profile: memberId }),
    leave: () => call("/leave", "POST", {}),
    end: () => call("", "DELETE"),
  };
}

export type PartyControls = ReturnType<typeof useParty>;
