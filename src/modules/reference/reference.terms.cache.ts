// Which terms are current in a store, kept per process: sign-up and checkout ask on every call and
// staff publish seldom. A publish forgets the store's entry in every process (Invalidations,
// LISTEN/NOTIFY); the TTL bounds what a lost message could leave stale. A store with no terms
// costs one read per process and TTL, then nothing.
import { LRUCache } from 'lru-cache';
import type { Invalidations } from '../../platform/db/invalidations.ts';
import { TOPICS } from '../../platform/db/invalidations.ts';
import type { Ctx } from '../../platform/http/context.ts';
import * as repo from './reference.terms.repository.ts';

export interface CurrentVersion {
  language: string;
  version: number;
  title: string;
  requiresAcceptance: boolean;
  publishedAt: Date;
}

export interface KindState {
  kind: string;
  audience: 'BUYER' | 'SELLER';
  /** the first version an acceptance must be of; null when the kind asks for none */
  requiredFrom: number | null;
  current: CurrentVersion[];
}

export type TermsState = Map<string, KindState>;

export const TERMS_CACHE_TTL_MS = 60_000;

export class TermsCache {
  private readonly entries: LRUCache<string, TermsState>;

  constructor(
    private readonly invalidations?: Invalidations,
    ttlMs = TERMS_CACHE_TTL_MS,
  ) {
    this.entries = new LRUCache({ max: 10_000, ttl: Math.max(1, ttlMs) });
    invalidations?.on(TOPICS.terms, {
      key: (storeId) => this.entries.delete(storeId),
      all: () => this.entries.clear(),
    });
  }

  async state(ctx: Ctx): Promise<TermsState> {
    const held = this.entries.get(ctx.storeId);
    if (held) return held;
    const state: TermsState = new Map();
    for (const row of await repo.currentState(ctx.db, ctx.storeId)) {
      const kind = state.get(row.kind) ?? {
        kind: row.kind,
        audience: row.audience,
        requiredFrom: row.required_from,
        current: [],
      };
      if (row.version !== null && row.language !== null) {
        kind.current.push({
          language: row.language,
          version: row.version,
          title: row.title ?? row.kind,
          requiresAcceptance: row.requires_acceptance ?? false,
          publishedAt: row.published_at ?? new Date(0),
        });
      }
      state.set(row.kind, kind);
    }
    this.entries.set(ctx.storeId, state);
    return state;
  }

  /** The store's terms changed (call after the commit): every process reads them again. */
  changed(storeId: string): void {
    if (this.invalidations) this.invalidations.publish(TOPICS.terms, storeId);
    else this.entries.delete(storeId);
  }
}

/** The version of a kind to show in `lang`: that language, its base, the store's, else the newest. */
export function pickVersion<V extends { language: string; version: number }>(
  versions: V[],
  lang: string | undefined,
  storeLanguage: string,
): V | undefined {
  const base = lang?.split('-')[0];
  return (
    (lang && versions.find((v) => v.language === lang)) ||
    (base && versions.find((v) => v.language === base)) ||
    versions.find((v) => v.language === storeLanguage) ||
    versions.find((v) => v.language === storeLanguage.split('-')[0]) ||
    [...versions].sort((a, b) => b.version - a.version)[0]
  );
}
