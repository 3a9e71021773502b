import { LRUCache } from 'lru-cache';

type Entry = { value: Promise<unknown>; generation: number; at: number; refreshing: boolean };

export interface ReadCacheLimits {
  /**
   * Tells every process (this one included) that a store's catalog changed; they forget it
   * (`forget`). Without it, `bump` forgets in this process alone.
   */
  announce?: ((storeId: string) => void) | undefined;
  /** Cached reads over all stores; the least recently used go first. */
  maxEntries?: number;
  /** Stores whose write generation is remembered. */
  maxStores?: number;
}

/**
 * A small in-process read cache for the catalog's hottest public reads (product pages, first
 * pages of lists with their facets, the category index). Each store has a generation that every
 * catalog write in this process bumps, which empties that store's entries at once; entries also
 * expire after a few seconds (and are served at most once more, while they reload, up to twice
 * that), which bounds how stale another process's writes can look. Checkout
 * never reads through it: prices and stock are checked on the offers themselves (getOffers).
 *
 * Both maps are bounded. Generations are numbers from one counter for all stores; a store whose
 * generation is pushed out reads as `floor`, the newest generation ever pushed out, so entries
 * loaded before its last write still never match.
 */
export class ReadCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly generations: LRUCache<string, number>;
  private counter = 0;
  private floor = 0;
  private readonly announce: ((storeId: string) => void) | undefined;

  constructor(
    /** How long an entry is fresh; 0 turns caching off. */
    private readonly ttlMs: number,
    limits: ReadCacheLimits = {},
  ) {
    this.announce = limits.announce;
    this.entries = new LRUCache({ max: limits.maxEntries ?? 10_000 });
    this.generations = new LRUCache({
      max: limits.maxStores ?? 10_000,
      dispose: (generation, _store, reason) => {
        if (reason === 'evict') this.floor = Math.max(this.floor, generation);
      },
    });
  }

  /** Cached reads held now. */
  get size(): number {
    return this.entries.size;
  }

  /** Stores whose generation is held now. */
  get storeCount(): number {
    return this.generations.size;
  }

  generation(storeId: string): number {
    return this.generations.get(storeId) ?? this.floor;
  }

  /** Forget everything cached for the store after a write, in every process. */
  bump(storeId: string): void {
    if (this.announce) this.announce(storeId);
    else this.forget(storeId);
  }

  /** Forget everything this process cached for the store. */
  forget(storeId: string): void {
    this.generations.set(storeId, ++this.counter);
  }

  /** Forget everything this process cached, for every store. */
  clear(): void {
    this.floor = ++this.counter;
    this.generations.clear();
  }

  /**
   * The cached value, or `load()`'s. Concurrent callers of a missing key share one load. An entry
   * past its lifetime (but less than twice it) is still served once while a single background load
   * replaces it, so a popular key never makes its callers queue behind a slow query. The generation
   * is read before loading: a value loaded across a concurrent write lands under the old generation
   * and is never served.
   */
  get<T>(storeId: string, key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const id = `${storeId}\u0000${key}`;
    const generation = this.generation(storeId);
    const hit = this.entries.get(id);
    if (hit && hit.generation === generation) {
      const age = Date.now() - hit.at;
      if (age < this.ttlMs) return hit.value as Promise<T>;
      if (age < 2 * this.ttlMs) {
        if (!hit.refreshing) {
          hit.refreshing = true;
          const next = load();
          next.then(
            () => this.store(id, next, generation),
            () => {
              hit.refreshing = false;
            },
          );
        }
        return hit.value as Promise<T>;
      }
    }
    const value = load();
    this.store(id, value, generation);
    // A failed load is not kept: the next caller tries again.
    value.catch(() => {
      if (this.entries.peek(id)?.value === value) this.entries.delete(id);
    });
    return value;
  }

  private store(id: string, value: Promise<unknown>, generation: number) {
    this.entries.set(id, { value, generation, at: Date.now(), refreshing: false });
  }
}
