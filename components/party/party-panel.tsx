"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ProfileAvatar } from "@/components/profiles/avatar";
import { MESSAGE_MAX_CHARS } from "@/lib/parties/limits";
import { formatTime } from "@/components/player/format";
import type { PartyControls, SyncStatus } from "./use-party";

export const REACTIONS = ["😂", "❤️", "👍", "😮", "😢", "🎉"];
const TYPING_IDLE_MS = 3_000;

/** The sync indicator: how far this player is from the party, and what it is doing about it. */
export function SyncIndicator({ sync, connected }: { sync: SyncStatus; connected: boolean }) {
  const t = useTranslations("party");
  const error = sync.errorMs === null ? null : Math.abs(sync.errorMs);
  const [key, tone] = !connected
    ? (["reconnecting", "bg-amber-400"] as const)
    : sync.correcting === "waiting"
      ? (["waiting", "bg-amber-400"] as const)
      : error === null
        ? (["syncing", "bg-amber-400"] as const)
        : sync.correcting === "seek"
          ? (["catchingUp", "bg-amber-400"] as const)
          : error <= 100
            ? (["inSync", "bg-emerald-400"] as const)
            : (["syncing", "bg-amber-400"] as const);
  const label = t(`sync.${key}`);
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-neutral-300" data-testid="sync-indicator">
      <span aria-hidden="true" className={`size-2.5 rounded-full ${tone}`} />
      {label}
      {error !== null && connected && <span className="tabular-nums text-neutral-400">({error} ms)</span>}
    </p>
  );
}

/** The party beside the player: invite link, members, host controls, chat, reactions and typing. */
export function PartyPanel({ party, backHref }: { party: PartyControls; backHref: string }) {
  const t = useTranslations("party");
  const router = useRouter();
  const [text, setText] = useState("");
  const [copied, setCopied] = useState(false);
  const [invitee, setInvitee] = useState("");
  const [invited, setInvited] = useState<string | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typingSent = useRef(false);
  const list = useRef<HTMLOListElement>(null);
  const inviteUrl = typeof window === "undefined" ? "" : new URL(`/party/${party.code}`, window.location.origin).toString();

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: "nearest" });
  }, [party.messages.length]);

  const stopTyping = () => {
    clearTimeout(typingTimer.current);
    if (typingSent.current) party.setTypingNow(false);
    typingSent.current = false;
  };
  const onType = (value: string) => {
    setText(value);
    if (!typingSent.current && value.trim()) {
      typingSent.current = true;
      party.setTypingNow(true);
    }
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const copy = async () => {
    await navigator.clipboard?.writeText(inviteUrl).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2_000);
  };

  return (
    <aside aria-label={t("title")} className="flex h-full w-full flex-col gap-4 overflow-hidden bg-neutral-950 p-4 text-white" data-testid="party-panel">
      <header className="space-y-2">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <SyncIndicator sync={party.sync} connected={party.connected} />
        <div className="flex items-center gap-2">
          <label htmlFor="party-invite" className="sr-only">
            {t("inviteLink")}
          </label>
          <input id="party-invite" readOnly value={inviteUrl} className="min-w-0 flex-1 rounded bg-neutral-800 px-2 py-1.5 text-sm text-neutral-200" onFocus={(e) => e.target.select()} />
          <button type="button" onClick={copy} className="rounded bg-white px-3 py-1.5 text-sm font-semibold text-black hover:bg-neutral-200">
            {copied ? t("copied") : t("copy")}
          </button>
        </div>
        <p className="text-xs text-neutral-400">
          {t("code")} <span className="font-mono tracking-widest text-neutral-200">{party.code}</span>
        </p>
        <form
          aria-label={t("inviteMember")}
          className="flex items-center gap-2"
          onSubmit={async (event) => {
            event.preventDefault();
            const name = invitee.trim();
            if (!name) return;
            setInvited(null);
            if (await party.invite(name)) {
              setInvited(name);
              setInvitee("");
            }
          }}
        >
          <label htmlFor="party-invitee" className="sr-only">
            {t("usernameToInvite")}
          </label>
          <input
            id="party-invitee"
            value={invitee}
            maxLength={64}
            autoComplete="off"
            placeholder={t("inviteByUsername")}
            onChange={(e) => setInvitee(e.target.value)}
            className="min-w-0 flex-1 rounded bg-neutral-800 px-2 py-1.5 text-sm text-neutral-100 placeholder:text-neutral-500"
          />
          <button type="submit" className="rounded px-3 py-1.5 text-sm font-semibold ring-1 ring-white/40 hover:bg-white/10">
            {t("invite")}
          </button>
        </form>
        {invited && (
          <p role="status" className="text-xs text-emerald-300">
            {t("invitationSent", { name: invited })}
          </p>
        )}
      </header>

      {party.problem && (
        <p role="alert" className="rounded bg-red-950 px-3 py-2 text-sm text-red-100">
          {party.problem}
        </p>
      )}

      <section aria-labelledby="party-members">
        <h3 id="party-members" className="mb-2 text-sm font-semibold text-neutral-300">
          {t("watching", { count: party.members.length })}
        </h3>
        <ul className="space-y-2">
          {party.members.map((member) => (
            <li key={member.member_id} className="flex items-center gap-2">
              <ProfileAvatar avatar={member.avatar} size="sm" />
              <span className="min-w-0 flex-1 truncate">
                {member.profile}
                {member.member_id === party.you && <span className="text-neutral-400"> {t("you")}</span>}
              </span>
              {member.member_id === party.hostId && <span className="rounded bg-white/10 px-1.5 text-xs">{t("host")}</span>}
              {member.buffering && <span className="text-xs text-amber-300">{t("buffering")}</span>}
              {party.isHost && member.member_id !== party.you && (
                <button type="button" onClick={() => party.makeHost(member.member_id)} className="rounded px-1.5 text-xs ring-1 ring-white/30 hover:bg-white/10">
                  {t.rich("makeHost", { name: member.profile, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>

      {party.isHost && (
        <section aria-label={t("hostSettings")} className="space-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={party.waitForEveryone} onChange={(e) => party.setWait(e.target.checked)} className="accent-brand" />
            {t("waitForEveryone")}
          </label>
          <button type="button" onClick={() => party.end()} className="rounded px-3 py-1.5 ring-1 ring-red-400/60 hover:bg-red-950">
            {t("endForEveryone")}
          </button>
        </section>
      )}

      <section aria-labelledby="party-chat" className="flex min-h-0 flex-1 flex-col">
        <h3 id="party-chat" className="mb-2 text-sm font-semibold text-neutral-300">
          {t("chat")}
        </h3>
        {party.olderMessages && (
          <button type="button" onClick={party.loadOlder} className="mb-2 self-start text-xs text-neutral-400 underline">
            {t("earlier")}
          </button>
        )}
        <ol ref={list} className="min-h-0 flex-1 space-y-2 overflow-y-auto pr-1" aria-live="polite" data-testid="party-chat">
          {party.messages.map((message) => (
            <li key={message.id} className="flex gap-2 text-sm">
              <ProfileAvatar avatar={message.avatar} size="sm" />
              <div className="min-w-0">
                <p className="text-xs text-neutral-400">
                  {t.rich("messageAt", { name: message.profile, time: formatTime(message.position), strong: (chunks) => <span className="font-semibold text-neutral-200">{chunks}</span> })}
                </p>
                <p className="break-words whitespace-pre-wrap">{message.text}</p>
              </div>
            </li>
          ))}
        </ol>
        <p className="h-5 text-xs text-neutral-400" aria-live="polite">
          {party.typing.length > 0 && t("typing", { names: party.typing.join(", "), count: party.typing.length })}
        </p>
        <form
          className="flex gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!text.trim()) return;
            stopTyping();
            if (await party.say(text)) setText("");
          }}
        >
          <label htmlFor="party-message" className="sr-only">
            {t("message")}
          </label>
          <input
            id="party-message"
            value={text}
            maxLength={MESSAGE_MAX_CHARS}
            onChange={(e) => onType(e.target.value)}
            placeholder={t("saySomething")}
            autoComplete="off"
            className="min-w-0 flex-1 rounded bg-neutral-800 px-2 py-1.5 text-sm"
          />
          <button type="submit" className="rounded bg-brand px-3 py-1.5 text-sm font-semibold hover:bg-brand-strong">
            {t("send")}
          </button>
        </form>
        <div className="mt-2 flex gap-1" role="group" aria-label={t("reactions")}>
          {REACTIONS.map((emoji) => (
            <button key={emoji} type="button" onClick={() => party.react(emoji)} className="rounded px-2 py-1 text-xl hover:bg-white/10" aria-label={t("react", { emoji })}>
              {emoji}
            </button>
          ))}
        </div>
      </section>

      <button
        type="button"
        onClick={async () => {
          await party.leave();
          router.push(backHref);
        }}
        className="rounded px-3 py-1.5 text-sm ring-1 ring-white/40 hover:bg-white/10"
      >
        {t("leave")}
      </button>
    </aside>
  );
}

/** Reactions rising over the video. */
export function FloatingReactions({ reactions }: { reactions: PartyControls["reactions"] }) {
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-0 overflow-hidden" data-testid="party-reactions">
      {reactions.map((reaction) => (
        <span key={reaction.key} className="party-reaction absolute bottom-24 text-4xl" style={{ left: `${reaction.left}%` }}>
          {reaction.emoji}
          <span className="block text-center text-xs text-white/80">{reaction.profile}</span>
        </span>
      ))}
    </div>
  );
}
