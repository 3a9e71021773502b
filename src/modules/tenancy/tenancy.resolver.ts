import { LRUCache } from 'lru-cache';
import type { Db } from '../../platform/db/database.ts';
import { type Invalidations, TOPICS } from '../../platform/db/invalidations.ts';
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
  /**
   * Tells every process a store changed, so each brings its directory up to date before its next
   * request instead of after the TTL; without it, `invalidate` reaches this process alone.
   */
  invalidations?: Invalidations;
}

/** Every store of the platform, by each way a request names one. */
interface Directory {
  byId: Map<string, Entry>;
  /** `{subdomain}.{BASE_DOMAIN}` and verified custom domains. */
  byHost: Map<string, Entry>;
  fallback: Store | null;
  /** The database's clock when the directory was last brought up to date, and when last read whole. */
  readAt: Date;
  fullAt: Date;
  /** When this process last brought it up to date (its own clock). */
  checkedAt: number;
}

interface Entry {
  store: Store;
  hosts: string[];
}

/** While there are more stores than `max`, whether to try the whole directory again. */
const RECOUNT_MS = 10 * 60_000;
/** How often the whole directory is read again (stores deleted meanwhile leave it then). */
const FULL_READ_MS = 10 * 60_000;
/**
 * Rows changed this long before the last read are read again: a change committed late (its
 * transaction began before that read) is still seen.
 */
const OVERLAP_MS = 60_000;

/**
 * Resolves the store a request addresses: its Host (custom domain or subdomain of BASE_DOMAIN),
 * else the X-Store-Id header, else the default store.
 *
 * While the platform has at most `max` stores, all of them are held in memory, so a request never
 * waits on the database for its store, however its traffic is spread. The directory is read whole
 * once, then brought up to date with the rows changed since (a trigger moves `stores.updated_at` on
 * every change): in the background once older than the TTL (other processes' changes), and before
 * the next request after this process changed a store (`invalidate`); read whole again every ten
 * minutes. A host or id it does not know is looked up by itself, so a store opened by another
 * process answers at once; those answers (misses included, since Host and X-Store-Id are whatever
 * a client sends) are cached in a bounded cache. With more stores than `max`, every lookup goes
 * through that cache.
 */
export class StoreResolver {
  readonly max: number;
  private readonly ttlMs: number;
  private readonly lookups: LRUCache<string, { store: Store | null }>;
  private directory: Directory | null = null;
  private loading: Promise<void> | null = null;
  /** This process changed a store since the directory was last brought up to date. */
  private stale = false;
  /** When the directory was last found too large to hold (0: never). */
  private tooManyAt = 0;
  /** Bumped by `invalidate`, so a read begun before a change does not count as seeing it. */
  private generation = 0;
  private readonly invalidations: Invalidations | undefined;

  constructor(
    private readonly db: Db,
    private readonly baseDomain: string,
    options: ResolverOptions = {},
  ) {
    this.max = options.max ?? 5_000;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.lookups = new LRUCache({ max: this.max, ttl: this.ttlMs });
    this.invalidations = options.invalidations;
    const forget = () => this.forget();
    this.invalidations?.on(TOPICS.stores, { key: forget, all: forget });
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

  /** A store changed (its domain, status, settings): the next request reads what changed first, in every process. */
  invalidate(): void {
    if (this.invalidations) this.invalidations.publish(TOPICS.stores, '*');
    else this.forget();
  }

  /** Something changed in another process (or this one): read what changed before the next request. */
  forget(): void {
    this.generation++;
    this.stale = true;
    this.lookups.clear();
  }

  /** The directory, read now if there is none or this process changed a store; else refreshed in the background once stale. */
  private async current(): Promise<Directory | null> {
    if (!this.directory) {
      if (this.tooManyAt && Date.now() - this.tooManyAt < RECOUNT_MS) return null;
      await this.refresh();
    } else if (this.stale) {
      await this.refresh();
    } else if (Date.now() - this.directory.checkedAt > this.ttlMs && !this.loading) {
      void this.refresh().catch(() => undefined);
    }
    return this.directory;
  }

  /** Brings the directory up to date (joining a read under way; again if a change came meanwhile). */
  private async refresh(): Promise<void> {
    while (this.loading) await this.loading;
    if (this.directory && !this.stale && Date.now() - this.directory.checkedAt <= this.ttlMs) return;
    const generation = this.generation;
    const loading = this.read().finally(() => {
      if (this.loading === loading) this.loading = null;
    });
    this.loading = loading;
    await loading;
    if (generation === this.generation) this.stale = false;
  }

  private async read(): Promise<void> {
    const held = this.directory;
    const whole = !held || held.readAt.getTime() - held.fullAt.getTime() > FULL_READ_MS;
    const since = whole ? undefined : new Date(held.readAt.getTime() - OVERLAP_MS);
    const { rows, readAt } = await repo.listStores(this.db, this.max + 1, since);
    const next = whole ? this.emptyDirectory(readAt) : held;
    for (const row of rows) this.put(next, row);
    next.readAt = readAt;
    next.checkedAt = Date.now();
    this.lookups.clear();
    if (rows.length > this.max || next.byId.size > this.max) {
      this.directory = null;
      this.tooManyAt = Date.now();
      return;
    }
    this.directory = next;
    this.tooManyAt = 0;
  }

  private emptyDirectory(readAt: Date): Directory {
    return { byId: new Map(), byHost: new Map(), fallback: null, readAt, fullAt: readAt, checkedAt: 0 };
  }

  /** Puts a store's row in the directory, in place of what it held for that store. */
  private put(directory: Directory, row: StoreRow): void {
    const old = directory.byId.get(row.id);
    for (const host of old?.hosts ?? [])
      if (directory.byHost.get(host) === old) directory.byHost.delete(host);
    const hosts: string[] = [];
    if (row.domain) hosts.push(`${row.domain}.${this.baseDomain}`);
    if (row.custom_domain && row.custom_domain_verified_at) hosts.push(row.custom_domain);
    const entry = { store: toStore(row), hosts };
    directory.byId.set(row.id, entry);
    for (const host of hosts) directory.byHost.set(host, entry);
    if (row.is_default) directory.fallback = entry.store;
  }

  private byHost(directory: Directory | null, host: string): Store | null | Promise<Store | null> {
    const known = directory?.byHost.get(host);
    if (known) return known.store;
    return this.cached(`host:${host}`, () => this.lookupHost(host));
  }

  private byId(directory: Directory | null, id: string): Store | null | Promise<Store | null> {
    const known = directory?.byId.get(id);
    if (known) return known.store;
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
