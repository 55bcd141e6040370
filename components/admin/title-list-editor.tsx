"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/site/form-action";
import { fetchItems, moveItem, useSearchAsYouType } from "./ordered-list";

export type ListedTitle = { id: string; type: "movie" | "show"; title: string; year: number; published: boolean };

const searchTitles = (q: string, signal: AbortSignal) => fetchItems<ListedTitle>(`/api/admin/titles?${new URLSearchParams({ q, limit: "10" })}`, signal);

/**
 * An ordered list of movies and shows, edited in place (a collection's titles, the featured titles): find titles in
 * the whole catalog, drafts included (search as you type), add them, move them up and down, remove them; Save sends
 * the ids in order as `title_ids`, with `id` when the list belongs to something.
 */
export function TitleListEditor({
  id,
  initial,
  action,
  label,
}: {
  id?: string;
  initial: ListedTitle[];
  action: (state: FormState, data: FormData) => Promise<FormState>;
  label: string;
}) {
  const [items, setItems] = useState(initial);
  const [query, setQuery] = useState("");
  const found = useSearchAsYouType(query, searchTitles);
  const t = useTranslations("admin");
  useEffect(() => setItems(initial), [initial]);

  const move = (from: number, to: number) => setItems((list) => moveItem(list, from, to));
  const listed = new Set(items.map((item) => item.id));
  const button = "rounded px-2 py-1 hover:bg-white/10 disabled:opacity-30";

  return (
    <div className="space-y-4">
      <ol aria-label={label} className="divide-y divide-white/10 rounded-lg ring-1 ring-white/10">
        {items.length === 0 && <li className="p-3 text-sm text-muted">{t("titleList.empty")}</li>}
        {items.map((item, index) => (
          <li key={item.id} className="flex items-center gap-2 p-2 text-sm" data-testid="listed-title">
            <span className="w-6 text-right text-muted">{index + 1}</span>
            <span className="flex-1">
              {item.title} <span className="text-muted">· {t(`types.${item.type}`)} · {item.year}{!item.published && ` · ${t("titleList.draftHidden")}`}</span>
            </span>
            <button type="button" className={button} aria-label={t("common.moveUp", { name: item.title })} disabled={index === 0} onClick={() => move(index, index - 1)}>↑</button>
            <button type="button" className={button} aria-label={t("common.moveDown", { name: item.title })} disabled={index === items.length - 1} onClick={() => move(index, index + 1)}>↓</button>
            <button type="button" className={`${button} text-danger-soft`} aria-label={t("common.removeNamed", { name: item.title })} onClick={() => setItems((list) => list.filter((_, i) => i !== index))}>
              {t("common.remove")}
            </button>
          </li>
        ))}
      </ol>
      <ActionForm action={action} label={t("titleList.saveList", { list: label.toLocaleLowerCase() })}>
        {id && <input type="hidden" name="id" value={id} />}
        <input type="hidden" name="title_ids" value={JSON.stringify(items.map((item) => item.id))} />
        <SubmitButton pendingLabel={t("common.saving")}>{t("titleList.saveOrder")}</SubmitButton>
      </ActionForm>
      <div className="space-y-2 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
        <label className="block text-sm font-medium text-neutral-200">
          {t("titleList.addLabel")}
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("titleList.searchPlaceholder")}
            className="mt-1 block w-full rounded-md border border-white/15 bg-surface-sunken px-3 py-2 text-sm"
          />
        </label>
        <ul aria-label={t("common.catalogResults")} className="divide-y divide-white/10 text-sm">
          {found.map((f) => (
            <li key={f.id} className="flex items-center gap-2 py-1.5">
              <span className="flex-1">
                {f.title} <span className="text-muted">· {t(`types.${f.type}`)} · {f.year}{!f.published && ` · ${t("titleList.draft")}`}</span>
              </span>
              <button
                type="button"
                className="rounded-md bg-white/10 px-3 py-1 hover:bg-white/20 disabled:opacity-40"
                disabled={listed.has(f.id)}
                onClick={() => setItems((list) => [...list, f])}
                aria-label={t("common.addNamed", { name: f.title })}
              >
                {t(listed.has(f.id) ? "common.added" : "common.add")}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
