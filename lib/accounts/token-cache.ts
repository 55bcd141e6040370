import "server-only";

// Bearer token → principal, kept for a few seconds so a player's PUT every few seconds does not look its token up
// each time. Revocations made in this process drop the entries at once; another instance's revocation reaches this
// one when the entry expires (TOKEN_CACHE_TTL_MS at most). Unknown tokens are never cached.

export const TOKEN_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Identity = { accountId: string; sessionId: string };
type Entry<T> = { value: T; until: number; lastSeenAt: number };

export class TokenCache<T extends Identity> {
  private entries = new Map<string, Entry<T>>();
  // Bumped by every invalidation: a lookup that started before one must not store what it read.
  private generation = 0;

  constructor(
    private readonly ttlMs = TOKEN_CACHE_TTL_MS,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** The generation to hand back to `set` after reading the session from the database. */
  begin(): number {
    return this.generation;
  }

  get(tokenHash: string, now = Date.now()): Entry<T> | undefined {
    const entry = this.entries.get(tokenHash);
    if (entry && entry.until <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  set(tokenHash: string, generation: number, value: T, session: { expiresAt: Date; lastSeenAt: Date }, now = Date.now()): void {
    if (generation !== this.generation || this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      // Oldest first (a Map keeps insertion order): drop expired ones, or the oldest one when none has expired.
      for (const [key, entry] of this.entries) {
        if (entry.until <= now || this.entries.size >= this.maxEntries) this.entries.delete(key);
        else break;
      }
    }
    const until = Math.min(now + this.ttlMs, session.expiresAt.getTime());
    this.entries.set(tokenHash, { value, until, lastSeenAt: session.lastSeenAt.getTime() });
  }

  /** Forgets the given sessions of an account, or every one of them but `exceptSessionId` when `sessionIds` is omitted. */
  forget(accountId: string, options: { sessionIds?: readonly string[]; exceptSessionId?: string } = {}): void {
    this.generation++;
    for (const [key, entry] of this.entries) {
      const { accountId: account, sessionId } = entry.value;
      if (account !== accountId) continue;
      const listed = options.sessionIds ? options.sessionIds.includes(sessionId) : sessionId !== options.exceptSessionId;
      if (listed) this.entries.delete(key);
    }
  }

  /** Forgets everything (after notifications may have been missed). */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
