// Dashboard answers kept per process (decision 040): a report's answer is keyed by the store, the
// report and its parameters, and by the version of the store's rollups it was read at. Each write of
// a store's rollups (the job worker's sales, a recount, a batch of storefront events) makes a new
// version in every process at once (Invalidations, LISTEN/NOTIFY), so an answer is never older than
// what the rollups knew when it was asked. Bounded (LRU); ANALYTICS_CACHE=off turns it off.
import { LRUCache } from 'lru-cache';
import { type Invalidations, TOPICS } from '../../platform/db/invalidations.ts';

/**
 * What an answer is read from: `sales` (orders and refunds: sales, hours, rankings, payment mix)
 * or `events` (storefront events: funnel, search terms). A write of one leaves the other's answers.
 */
export type Family = 'sales' | 'events';

/** How long an answer is kept at most: the names shown beside ids (sellers') have no version. */
const ANSWER_TTL_MS = 5 * 60_000;

type Entry = { version: number; value: Promise<unknown> };

export interface AnswerCacheOptions {
  enabled: boolean;
  invalidations?: Invalidations | undefined;
  /** Answers held over all stores; the least recently used go first. */
  maxEntries?: number;
  /** Store versions held; a store pushed out reads as the newest version ever pushed out. */
  maxVersions?: number;
}

export class AnswerCache {
  private readonly answers: LRUCache<string, Entry>;
  private readonly versions: LRUCache<string, number>;
  private counter = 0;
  private floor = 0;

  constructor(private readonly options: AnswerCacheOptions) {
    this.answers = new LRUCache({ max: options.maxEntries ?? 5_000, ttl: ANSWER_TTL_MS });
    this.versions = new LRUCache({
      max: options.maxVersions ?? 20_000,
      dispose: (version, _key, reason) => {
        if (reason === 'evict') this.floor = Math.max(this.floor, version);
      },
    });
    options.invalidations?.on(TOPICS.analytics, {
      key: (key) => this.forget(key),
      all: () => this.clear(),
    });
    // product and category names shown in the rankings
    options.invalidations?.on(TOPICS.catalog, {
      key: (storeId) => this.forget(`sales:${storeId}`),
      all: () => this.clear(),
    });
  }

  /** Answers held now. */
  get size(): number {
    return this.answers.size;
  }

  /**
   * The held answer of `key` for the store's current version of `family`, or `load()`'s (shared by
   * concurrent callers). The version is read before loading: an answer read across a write is kept
   * under the version before it and never served after it. A failed load is not kept.
   */
  get<T>(storeId: string, family: Family, key: string, load: () => Promise<T>): Promise<T> {
    if (!this.options.enabled) return load();
    const id = `${storeId}\u0000${family}\u0000${key}`;
    const version = this.versions.get(`${family}:${storeId}`) ?? this.floor;
    const held = this.answers.get(id);
    if (held && held.version === version) return held.value as Promise<T>;
    const value = load();
    this.answers.set(id, { version, value });
    value.catch(() => {
      if (this.answers.peek(id)?.value === value) this.answers.delete(id);
    });
    return value;
  }

  /** The store's `family` rollups were written (call after the commit): every process reads again. */
  changed(storeId: string, family: Family): void {
    if (this.options.invalidations)
      this.options.invalidations.publish(TOPICS.analytics, `${family}:${storeId}`);
    else this.forget(`${family}:${storeId}`);
  }

  private forget(versionKey: string): void {
    this.versions.set(versionKey, ++this.counter);
  }

  private clear(): void {
    this.floor = ++this.counter;
    this.versions.clear();
  }
}
