"use client";

import { useEffect, useState } from "react";

// What the admin's ordered-list editors share (a channel's schedule, a collection's titles, the featured titles).

/** `list` with the item at `from` moved to `to` (the same list when `to` is out of range). */
export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * Search as you type: from two characters, `search` runs 200 ms after the last keystroke (the one before is aborted);
 * a failed search finds nothing. `search` must keep its identity (a module-level function).
 */
export function useSearchAsYouType<T>(query: string, search: (q: string, signal: AbortSignal) => Promise<T[]>): T[] {
  const [found, setFound] = useState<T[]>([]);
  useEffect(() => {
    if (query.trim().length < 2) return setFound([]);
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      const items = await search(query.trim(), controller.signal).catch(() => []);
      if (!controller.signal.aborted) setFound(items);
    }, 200);
    return () => (controller.abort(), window.clearTimeout(timer));
  }, [query, search]);
  return found;
}

/** GET a JSON list (`{ items }`) from this site's API, empty when refused. */
export const fetchItems = async <T,>(url: string, signal: AbortSignal): Promise<T[]> => {
  const response = await fetch(url, { signal });
  return response.ok ? ((await response.json()) as { items: T[] }).items : [];
};
