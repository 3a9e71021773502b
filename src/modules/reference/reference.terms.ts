// Terms: a store's versioned documents per kind and language (seed 000 Terms). Staff write drafts
// and publish them; a published version is numbered in its kind and never changes; publishing
// makes it the current one of its kind and language. Acceptances are in reference.acceptance.ts.
import { recordAudit } from '../../platform/audit/audit.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { requirePermission, requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { TermsNotFound, TermsVersionPublished } from './reference.errors.ts';
import { pickVersion, type TermsCache } from './reference.terms.cache.ts';
import * as repo from './reference.terms.repository.ts';
import type {
  DraftBody,
  DraftPatch,
  StaffTermsView,
  StaffVersionView,
  TermsVersionView,
} from './reference.terms.schemas.ts';

/** The kinds every store has, and who is asked to accept each. */
export const BUILT_IN_KINDS: Record<string, 'BUYER' | 'SELLER'> = {
  'terms-of-sale': 'BUYER',
  privacy: 'BUYER',
  'returns-policy': 'BUYER',
  'seller-agreement': 'SELLER',
};

export interface TermsDeps {
  cache: TermsCache;
  /** The store's language, the fallback of `?lang=`. */
  storeLanguage: (ctx: Ctx) => Promise<string>;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function presentPublic(row: repo.VersionRow, audience: 'BUYER' | 'SELLER'): TermsVersionView {
  return {
    kind: row.kind,
    audience,
    version: row.version!,
    language: row.language,
    title: row.title,
    body: row.body,
    requiresAcceptance: row.requires_acceptance,
    current: row.is_current,
    publishedAt: iso(row.published_at)!,
  };
}

function presentStaff(row: Omit<repo.VersionRow, 'body'> & { body?: string }): StaffVersionView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    version: row.version,
    language: row.language,
    title: row.title,
    body: row.body ?? '',
    requiresAcceptance: row.requires_acceptance,
    current: row.is_current,
    publishedAt: iso(row.published_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export class TermsDocuments {
  constructor(private readonly deps: TermsDeps) {}

  /** The current version of each kind (without text), in `lang`, else the store's language. */
  async list(ctx: Ctx, lang: string | undefined) {
    const state = await this.deps.cache.state(ctx);
    const storeLanguage = await this.deps.storeLanguage(ctx);
    const items = [];
    for (const kind of state.values()) {
      const v = pickVersion(kind.current, lang, storeLanguage);
      if (!v) continue;
      items.push({
        kind: kind.kind,
        audience: kind.audience,
        version: v.version,
        language: v.language,
        title: v.title,
        requiresAcceptance: v.requiresAcceptance,
        acceptanceRequired: kind.requiredFrom !== null,
        current: true,
        publishedAt: v.publishedAt.toISOString(),
      });
    }
    return { items };
  }

  /** The current text of a kind in `lang`, else the store's language; 404 when none is published. */
  async current(ctx: Ctx, kind: string, lang: string | undefined): Promise<TermsVersionView> {
    const rows = await repo.currentVersions(ctx.db, ctx.storeId, kind);
    const row = pickVersion(
      rows.map((r) => ({ ...r, version: r.version! })),
      lang,
      await this.deps.storeLanguage(ctx),
    );
    if (!row) throw new TermsNotFound();
    return presentPublic(row, await this.audienceOf(ctx, kind));
  }

  /** A published version by number (current or not); drafts are never public. */
  async version(ctx: Ctx, kind: string, version: number): Promise<TermsVersionView> {
    const row = await repo.publishedVersion(ctx.db, ctx.storeId, kind, version);
    if (row?.status !== 'PUBLISHED') throw new TermsNotFound('terms version');
    return presentPublic(row, await this.audienceOf(ctx, kind));
  }

  private async audienceOf(ctx: Ctx, kind: string) {
    return (await this.deps.cache.state(ctx)).get(kind)?.audience ?? BUILT_IN_KINDS[kind] ?? 'BUYER';
  }

  /** Staff: every kind (built-in ones even without versions) with its versions and drafts. */
  async staffList(ctx: Ctx): Promise<StaffTermsView> {
    requireRole(ctx, 'ADMIN');
    const [docs, versions] = [
      await repo.documents(ctx.db, ctx.storeId),
      await repo.versions(ctx.db, ctx.storeId),
    ];
    const byKind = new Map(docs.map((d) => [d.kind, d]));
    const kinds = [...new Set([...Object.keys(BUILT_IN_KINDS), ...byKind.keys()])];
    return {
      items: kinds.map((kind) => {
        const doc = byKind.get(kind);
        return {
          kind,
          audience: doc?.audience ?? BUILT_IN_KINDS[kind] ?? 'BUYER',
          builtIn: kind in BUILT_IN_KINDS,
          lastVersion: doc?.last_version ?? 0,
          requiredFrom: doc?.required_from ?? null,
          versions: versions
            .filter((v) => v.kind === kind)
            .map((v) => {
              const { body: _body, ...view } = presentStaff(v);
              return view;
            }),
        };
      }),
    };
  }

  /** Staff: one version or draft with its text. */
  async staffVersion(ctx: Ctx, id: string): Promise<StaffVersionView> {
    requireRole(ctx, 'ADMIN');
    return presentStaff(await this.found(ctx, id));
  }

  /** Staff: a new draft of a kind (a new kind starts with it). */
  async createDraft(ctx: Ctx, kind: string, body: DraftBody): Promise<StaffVersionView> {
    const actor = requirePermission(ctx, 'settings:manage');
    const audience = BUILT_IN_KINDS[kind] ?? body.audience ?? 'BUYER';
    const row = await transaction(ctx.db, async (trx) => {
      await repo.ensureDocument(trx, ctx.storeId, kind, audience);
      return repo.insertDraft(trx, {
        id: newId(),
        store_id: ctx.storeId,
        kind,
        language: body.language,
        title: body.title,
        body: body.body,
        requires_acceptance: body.requiresAcceptance ?? true,
        created_by: actor.userId,
      });
    });
    return presentStaff(row);
  }

  /** Staff: changes a draft; 409 `terms-version-published` once it is published. */
  async editDraft(ctx: Ctx, id: string, patch: DraftPatch): Promise<StaffVersionView> {
    requirePermission(ctx, 'settings:manage');
    const row = await transaction(ctx.db, async (trx) => {
      const draft = await this.found(withDb(ctx, trx), id, true);
      if (draft.status !== 'DRAFT') throw new TermsVersionPublished();
      return repo.updateDraft(trx, ctx.storeId, id, {
        ...(patch.language !== undefined ? { language: patch.language } : {}),
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.body !== undefined ? { body: patch.body } : {}),
        ...(patch.requiresAcceptance !== undefined ? { requires_acceptance: patch.requiresAcceptance } : {}),
      });
    });
    return presentStaff(row);
  }

  /**
   * Staff: publishes a draft as the kind's next version and makes it current in its language. The
   * kind's document is locked first, so racing publishes take distinct numbers one at a time and
   * leave one current version per language. Audited; every process forgets what it held.
   */
  async publish(ctx: Ctx, id: string): Promise<StaffVersionView> {
    requirePermission(ctx, 'settings:manage');
    const row = await transaction(ctx.db, async (trx) => {
      const tx = withDb(ctx, trx);
      const seen = await this.found(tx, id);
      const doc = await repo.lockDocument(trx, ctx.storeId, seen.kind);
      const draft = await this.found(tx, id, true);
      if (!doc || draft.status !== 'DRAFT') throw new TermsVersionPublished();
      const version = doc.last_version + 1;
      const retired = await repo.retireCurrent(trx, ctx.storeId, draft.kind, draft.language);
      await repo.numberVersion(trx, ctx.storeId, draft.kind, version, draft.requires_acceptance);
      const published = await repo.markPublished(trx, ctx.storeId, id, version, ctx.actor?.userId ?? null);
      await recordAudit(tx, {
        entityType: 'terms_version',
        entityId: id,
        action: 'publish',
        after: {
          kind: draft.kind,
          language: draft.language,
          version,
          requires_acceptance: draft.requires_acceptance,
          replaced_version: retired?.version ?? null,
        },
      });
      return published;
    });
    this.deps.cache.changed(ctx.storeId);
    return presentStaff(row);
  }

  private async found(ctx: Ctx, id: string, lock = false) {
    const row = isUuid(id) ? await repo.findVersion(ctx.db, ctx.storeId, id, lock) : undefined;
    if (!row) throw new TermsNotFound('terms version');
    return row;
  }
}
