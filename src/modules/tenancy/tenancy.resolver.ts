import { LRUCache } from 'lru-cache';
import type { Db } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/ids.ts';
import { StoreNotFound } from './tenancy.errors.ts';
import type { StoreRow } from './tenancy.repository.ts';
import * as repo from './tenancy.repository.ts';
import type { Store } from './tenancy.schemas.ts';
import { toStore } from './tenancy.service.ts';

export interface StoreRequest {
  host: string | undefined;
  storeIdHeader: string | undefined;
}

export interface ResolverOptions {
  /** Stores held in memory; past it, lookups are cached one by one (misses included) up to this bound. */
  max?: number;
  /** How long what was read stays fresh: the directory is re-read in the background after it. */
  ttlMs?: number;
}

/** Every store of the platform, by each way a request names one. */
interface Directory {
  byId: Map<string, Store>;
  /** `{subdomain}` and verified custom domains, the full host. */
  byHost: Map<string, Store>;
  fallback: Store | null;
  loadedAt: number;
}

/** While there are more stores than `max`, whether to try the whole directory again. */
const RECOUNT_MS = 10 * 60_000;

/**
 * Resolves the store a request addresses: its Host (custom domain or subdomain of BASE_DOMAIN),
 * else the X-Store-Id header, else the default store.
 *
 * While the platform has at most `max` stores, all of them are held in memory (one query of every
 * row), so a request never waits on the database for its store, however its traffic is spread;
 * the directory is re-read in the background once older than the TTL (other processes' changes)
 * and dropped at once on this process's own changes (`invalidate`). A host or id the directory
 * does not know is looked up by itself, the answer (a store made elsewhere, or none) cached in a
 * bounded cache, since Host and X-Store-Id are whatever a client sends. With more stores than
 * `max`, every lookup goes through that bounded cache.
 */
export class StoreResolver {
  readonly max: number;
  private readonly ttlMs: number;
  private readonly lookups: LRUCache<string, { store: Store | null }>;
  private directory: Directory | null = null;
  private loading: Promise<Directory | null> | null = null;
  /** When the directory was last found too large to hold (0: never). */
  private tooManyAt = 0;
  /** Bumped by `invalidate`, so a read begun before a change is not kept after it. */
  private generation = 0;

  constructor(
    private readonly db: Db,
    private readonly baseDomain: string,
    options: ResolverOptions = {},
  ) {
    this.max = options.max ?? 5_000;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.lookups = new LRUCache({ max: this.max, ttl: this.ttlMs });
  }

  /** Stores and lookups held now (each at most `max`). */
  get size(): number {
    return Math.max(this.directory?.byId.size ?? 0, this.lookups.size);
  }

  async resolve(req: StoreRequest): Promise<Store> {
    const directory = await this.current();
    const host = (req.host ?? '').toLowerCase().replace(/:\d+$/, '');
    const byHost = host ? await this.byHost(directory, host) : null;
    if (byHost) return byHost;
    if (req.storeIdHeader) {
      if (!isUuid(req.storeIdHeader)) throw new StoreNotFound();
      const byId = await this.byId(directory, req.storeIdHeader);
      if (!byId) throw new StoreNotFound();
      return byId;
    }
    const fallback = directory
      ? directory.fallback
      : await this.cached('default', () => repo.findDefaultStore(this.db));
    if (!fallback) throw new StoreNotFound();
    return fallback;
  }

  /** Forget what was read, e.g. after a store's domain or status changes: the next request reads again. */
  invalidate(): void {
    this.generation++;
    this.directory = null;
    this.loading = null;
    this.lookups.clear();
  }

  /** The directory, read now if there is none; re-read in the background once stale. */
  private async current(): Promise<Directory | null> {
    const now = Date.now();
    const directory = this.directory;
    if (directory) {
      if (now - directory.loadedAt > this.ttlMs && !this.loading) void this.load().catch(() => undefined);
      return directory;
    }
    if (this.tooManyAt && now - this.tooManyAt < RECOUNT_MS) return null;
    return this.load();
  }

  private load(): Promise<Directory | null> {
    if (this.loading) return this.loading;
    const generation = this.generation;
    const loading = this.read().then(
      (directory) => {
        if (generation === this.generation) {
          this.directory = directory;
          this.tooManyAt = directory ? 0 : Date.now();
          this.lookups.clear();
        }
        if (this.loading === loading) this.loading = null;
        return directory;
      },
      (error: unknown) => {
        if (this.loading === loading) this.loading = null;
        throw error;
      },
    );
    this.loading = loading;
    return loading;
  }

  private async read(): Promise<Directory | null> {
    const rows = await repo.listStores(this.db, this.max + 1);
    if (rows.length > this.max) return null;
    const directory: Directory = { byId: new Map(), byHost: new Map(), fallback: null, loadedAt: Date.now() };
    for (const row of rows) {
      const store = toStore(row);
      directory.byId.set(row.id, store);
      if (row.domain) directory.byHost.set(`${row.domain}.${this.baseDomain}`, store);
      if (row.custom_domain && row.custom_domain_verified_at) directory.byHost.set(row.custom_domain, store);
      if (row.is_default) directory.fallback = store;
    }
    return directory;
  }

  private byHost(directory: Directory | null, host: string): Store | null | Promise<Store | null> {
    const known = directory?.byHost.get(host);
    if (known) return known;
    return this.cached(`host:${host}`, () => this.lookupHost(host));
  }

  private byId(directory: Directory | null, id: string): Store | null | Promise<Store | null> {
    const known = directory?.byId.get(id);
    if (known) return known;
    return this.cached(`id:${id}`, () => repo.findStoreById(this.db, id));
  }

  private lookupHost(host: string) {
    const suffix = `.${this.baseDomain}`;
    const subdomain = host.endsWith(suffix) ? host.slice(0, -suffix.length) : null;
    if (subdomain?.includes('.')) return repo.findStoreByHost(this.db, host, null);
    return repo.findStoreByHost(this.db, host, subdomain);
  }

  private async cached(key: string, load: () => Promise<StoreRow | undefined>): Promise<Store | null> {
    const hit = this.lookups.get(key);
    if (hit) return hit.store;
    const row = await load();
    const store = row ? toStore(row) : null;
    this.lookups.set(key, { store });
    return store;
  }
}
