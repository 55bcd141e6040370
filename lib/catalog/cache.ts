import "server-only";
import { notificationState } from "@/db/client";
import { listenForCatalogChanges } from "@/db/queries/catalog";
import type { Audience } from "@/lib/access/visibility";

// Public catalog reads (lists, details, genres, trending, new, search, collections, the home rows) from memory. One cache per
// process, kept on globalThis like the database connection: server.ts and Next's route bundles load this module
// separately and must share the entries and their invalidation.
//
// Invalidation: triggers on every catalog table NOTIFY `normflix_catalog_changes` (migrations 0031, 0034, 0036); every instance
// LISTENs and drops all of its entries when one arrives (within milliseconds of the commit). An admin write answered
// by this instance also drops them before its answer leaves (withApi), so the admin's next read is never stale. While
// this process is not listening (not yet, or its listening connection is down) nothing is served from the cache.
// Entries also expire after CATALOG_CACHE_TTL_MS. Reads that rank by viewing (trending, the popular and rating sorts,
// search) are kept apart: a stream start, a progress update (watch time) or a rating made through this process drops
// them at once; viewing on other instances reaches them within the TTL: viewing is not announced.
//
// What a cached value holds is never per user: details are cached as anyone may see them and filtered for the
// caller's profile (maturity, blocked genres: lib/access/visibility.ts) on the way out; lists and search are cached per
// audience class (a maturity level and a set of blocked genres, shared by every profile with those settings). Whatever
// depends on the caller's account (what it rented or bought) is read apart, every time.

export const CATALOG_CACHE_TTL_MS = 10_000;
const MAX_ENTRIES = 5_000;

type Entry = { value: Promise<unknown>; until: number };
type Store = { entries: Map<string, Entry>; generation: number };
type State = { catalog: Store; viewing: Store; listening: boolean; listener?: Promise<unknown>; hits: number; misses: number };

const stateKey = Symbol.for("normflix.catalog-cache");
const processState = globalThis as unknown as { [stateKey]?: State };
const newStore = (): Store => ({ entries: new Map(), generation: 0 });
const state: State = (processState[stateKey] ??= { catalog: newStore(), viewing: newStore(), listening: false, hits: 0, misses: 0 });

function forget(store: Store) {
  store.generation++;
  store.entries.clear();
}

/** Drops every entry of this process (a catalog change was announced, or made here). */
export function forgetCatalog(): void {
  forget(state.catalog);
  forget(state.viewing);
}

/** Drops this process's reads ranked by viewing (a stream started or a title was rated here). */
export function forgetViewing(): void {
  forget(state.viewing);
}

function follow(): void {
  state.listener ??= listenForCatalogChanges(forgetCatalog, forgetCatalog).then(
    () => {
      // Anything read before listening began may predate a change nobody told us about.
      forgetCatalog();
      state.listening = true;
    },
    (error: Error) => {
      console.error(`catalog cache: cannot follow catalog changes: ${error.message.split("\n")[0]}`);
      delete state.listener;
    },
  );
}

const usable = () => state.listening && notificationState() === "listening";

/**
 * The value cached under `key`, else what `load` reads (stored unless the catalog changed meanwhile). Concurrent
 * misses of one key share one load. Cached values are shared: callers must not mutate them.
 */
export async function cachedCatalog<T>(key: string, load: () => Promise<T>, options: { byViewing?: boolean } = {}): Promise<T> {
  follow();
  if (!usable()) return load();
  const store = options.byViewing ? state.viewing : state.catalog;
  const now = Date.now();
  const entry = store.entries.get(key);
  if (entry && entry.until > now) {
    state.hits++;
    return entry.value as Promise<T>;
  }
  state.misses++;
  const { entries } = store;
  const value = load();
  if (entries.size >= MAX_ENTRIES) {
    for (const [oldKey, old] of entries) {
      if (old.until <= now || entries.size >= MAX_ENTRIES) entries.delete(oldKey);
      else break;
    }
  }
  // A change announced while this loads clears the map, this entry with it: later reads load again.
  const stored: Entry = { value, until: now + CATALOG_CACHE_TTL_MS };
  entries.set(key, stored);
  value.catch(() => {
    if (entries.get(key) === stored) entries.delete(key);
  });
  return value;
}

/** Hits and misses since the process started (benchmarks and tests). */
export const catalogCacheStats = () => ({
  hits: state.hits,
  misses: state.misses,
  entries: state.catalog.entries.size + state.viewing.entries.size,
  listening: usable(),
});

/** The audience class of a cache key: whom the read is for, without saying who. */
export function audienceKey(audience: Audience): string {
  if (!audience) return "all";
  return `${audience.maturityLevel}:${[...(audience.blockedGenres ?? [])].sort().join(",")}`;
}

/** Whether a title seen by anyone (published) may be shown to `audience`: the same rule as visibleTo, on a row in hand. */
export function visibleInMemory(audience: Audience, title: { maturityLevel: number; genres: Array<{ slug: string }> }): boolean {
  if (!audience) return true;
  if (title.maturityLevel > audience.maturityLevel) return false;
  const blocked = audience.blockedGenres;
  return !blocked?.length || !title.genres.some((genre) => blocked.includes(genre.slug));
}
