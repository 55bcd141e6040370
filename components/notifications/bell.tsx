"use client";

import Link from "next/link";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { MenuDisclosure } from "@/components/site/menu-disclosure";
import { useFormat } from "@/lib/i18n/client";
import { notificationWords, type NotificationWordsT } from "@/lib/notifications/words";

type Item = { id: string; type: string; title: string; body: string; url: string; data: Record<string, unknown>; read: boolean; created_at: string };

const when = (iso: string, locale: string) => new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });

/**
 * The header's bell: the unread count, kept current by /api/notifications/events (a notification made on any
 * instance arrives at once), and a panel of the latest notifications, each a link to what it is about.
 */
export function NotificationBell({ profile }: { profile?: string }) {
  const t = useTranslations("notifications");
  const locale = useLocale();
  const words = useTranslations("notificationTexts") as unknown as NotificationWordsT;
  const f = useFormat();
  const timeZone = useTimeZone();
  // English shows the stored text (the API's); another language says it from the type and data when it can.
  const say = (item: Item) => (locale === "en" ? undefined : notificationWords(item, words, f, timeZone)) ?? item;
  const scope = profile ? `profile=${encodeURIComponent(profile)}` : "";
  const [items, setItems] = useState<Item[]>([]);
  const [unread, setUnread] = useState(0);

  const load = useCallback(async () => {
    const response = await fetch(`/api/notifications?limit=20${scope && `&${scope}`}`, { cache: "no-store" }).catch(() => undefined);
    if (!response?.ok) return;
    const page = await response.json();
    setItems(page.items);
    setUnread(page.unread_count);
  }, [scope]);

  useEffect(() => {
    void load();
    if (typeof EventSource === "undefined") return;
    const events = new EventSource(`/api/notifications/events${scope && `?${scope}`}`);
    // Re-read on (re)connecting too: whatever arrived before the stream was open is then in the list.
    events.onopen = () => void load();
    events.addEventListener("notification", () => void load());
    return () => events.close();
  }, [load, scope]);

  async function mark(path: string) {
    await fetch(`/api/notifications/${path}${scope && `?${scope}`}`, { method: "PUT", keepalive: true }).catch(() => undefined);
    await load();
  }

  return (
    <MenuDisclosure
      label={unread ? t("labelUnread", { unread }) : t("title")}
      panelClassName="w-80 max-w-[calc(100vw-1.5rem)]"
      summary={
        <span className="relative grid size-8 place-items-center text-neutral-200">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8">
            <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16zM10 20a2 2 0 0 0 4 0" strokeLinejoin="round" />
          </svg>
          {unread > 0 && (
            <span data-testid="unread-count" aria-hidden="true" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-brand px-1 text-center text-xs font-bold leading-5 text-white">
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </span>
      }
    >
      <div className="flex items-center justify-between px-4 pb-2">
        <h2 className="text-sm font-semibold">{t("title")}</h2>
        {unread > 0 && (
          <button type="button" onClick={() => void mark("read-all")} className="text-xs text-neutral-300 underline hover:text-white">
            {t("markAllRead")}
          </button>
        )}
      </div>
      {items.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">{t("nothingNew")}</p>
      ) : (
        <ul className="max-h-96 overflow-y-auto border-t border-white/10">
          {items.map((item) => (
            <li key={item.id} lang={say(item) === item ? "en" : undefined}>
              <Link href={item.url} onClick={() => !item.read && void mark(`${item.id}/read`)} className="block px-4 py-2 hover:bg-white/10">
                <span className="flex items-center gap-2 text-sm font-medium text-white">
                  {!item.read && <span className="size-2 shrink-0 rounded-full bg-brand" aria-label={t("unread")} role="img" />}
                  {say(item).title}
                </span>
                <span className="block text-xs text-neutral-300">{say(item).body}</span>
                <span className="block text-xs text-muted">{when(item.created_at, locale)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="border-t border-white/10 px-4 pt-2">
        <Link href="/account/notifications" className="text-xs text-neutral-300 underline hover:text-white">
          {t("settings")}
        </Link>
      </div>
    </MenuDisclosure>
  );
}
