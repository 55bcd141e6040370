"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormat } from "@/lib/i18n/client";
import type { FormState } from "@/lib/site/form-action";
import { fetchItems, moveItem, useSearchAsYouType } from "./ordered-list";

export type ScheduleEntry = { type: "movie" | "episode"; id: string; title: string; playable: boolean; duration_seconds: number | null };

type Found = { type: string; id: string; title: string; show_title?: string; season?: number; episode?: number };

/** Movies and episodes matching `q`, from the public search (what a schedule may hold). */
const searchProgrammes = async (q: string, signal: AbortSignal) => {
  const [movies, episodes] = await Promise.all(
    ["movie", "episode"].map((type) => fetchItems<Found>(`/api/search?${new URLSearchParams({ q, type, limit: "8" })}`, signal).catch(() => [])),
  );
  return [...movies, ...episodes];
};

/**
 * A channel's schedule, edited in place: find movies and episodes in the catalog (search as you type), add them,
 * move them up and down or drag them, remove them; Save sends the whole order.
 */
export function ScheduleEditor({ channelId, initial, action }: { channelId: string; initial: ScheduleEntry[]; action: (state: FormState, data: FormData) => Promise<FormState> }) {
  const [items, setItems] = useState(initial);
  const [query, setQuery] = useState("");
  const found = useSearchAsYouType(query, searchProgrammes);
  const [dragged, setDragged] = useState<number | null>(null);
  const t = useTranslations("admin");
  const format = useFormat();
  useEffect(() => setItems(initial), [initial]);

  const move = (from: number, to: number) => setItems((list) => moveItem(list, from, to));
  const named = (f: Found) => (f.type === "episode" ? `${f.show_title} · ${format.episodeCode(f.season ?? 0, f.episode ?? 0)} ${f.title}` : f.title);
  const add = (f: Found) => setItems((list) => [...list, { type: f.type as "movie" | "episode", id: f.id, title: named(f), playable: true, duration_seconds: null }]);
  const kind = (type: string) => (type === "movie" || type === "episode" ? t(`types.${type}`) : type);

  return (
    <div className="space-y-4">
      <ol aria-label={t("schedule.list")} className="divide-y divide-white/10 rounded-lg ring-1 ring-white/10">
        {items.length === 0 && <li className="p-3 text-sm text-muted">{t("schedule.empty")}</li>}
        {items.map((item, index) => (
          <li
            key={`${item.id}-${index}`}
            draggable
            onDragStart={() => setDragged(index)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => (dragged !== null && move(dragged, index), setDragged(null))}
            className="flex items-center gap-2 p-2 text-sm"
            data-testid="schedule-item"
          >
            <span aria-hidden className="cursor-grab px-1 text-muted">⠿</span>
            <span className="w-6 text-right text-muted">{index + 1}</span>
            <span className="flex-1">
              {item.title}{" "}
              <span className="text-muted">
                · {kind(item.type)}
                {item.duration_seconds ? ` · ${format.runtime(item.duration_seconds)}` : null}
                {!item.playable && ` · ${t("schedule.notReady")}`}
              </span>
            </span>
            <button type="button" className="rounded px-2 py-1 hover:bg-white/10 disabled:opacity-30" aria-label={t("common.moveUp", { name: item.title })} disabled={index === 0} onClick={() => move(index, index - 1)}>↑</button>
            <button type="button" className="rounded px-2 py-1 hover:bg-white/10 disabled:opacity-30" aria-label={t("common.moveDown", { name: item.title })} disabled={index === items.length - 1} onClick={() => move(index, index + 1)}>↓</button>
            <button type="button" className="rounded px-2 py-1 text-danger-soft hover:bg-white/10" aria-label={t("common.removeNamed", { name: item.title })} onClick={() => setItems((list) => list.filter((_, i) => i !== index))}>
              {t("common.remove")}
            </button>
          </li>
        ))}
      </ol>
      <ActionForm action={action} label={t("schedule.save")}>
        <input type="hidden" name="id" value={channelId} />
        <input type="hidden" name="items" value={JSON.stringify(items.map(({ type, id }) => ({ type, id })))} />
        <SubmitButton pendingLabel={t("common.saving")}>{t("schedule.save")}</SubmitButton>
      </ActionForm>
      <div className="space-y-2 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
        <label className="block text-sm font-medium text-neutral-200">
          {t("schedule.addFrom")}
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("schedule.searchPlaceholder")}
            className="mt-1 block w-full rounded-md border border-white/15 bg-surface-sunken px-3 py-2 text-sm"
          />
        </label>
        <ul aria-label={t("common.catalogResults")} className="divide-y divide-white/10 text-sm">
          {found.map((f) => (
            <li key={`${f.type}-${f.id}`} className="flex items-center gap-2 py-1.5">
              <span className="flex-1">
                {named(f)} <span className="text-muted">· {kind(f.type)}</span>
              </span>
              <button type="button" className="rounded-md bg-white/10 px-3 py-1 hover:bg-white/20" onClick={() => add(f)} aria-label={t("common.addNamed", { name: f.title })}>
                {t("common.add")}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
