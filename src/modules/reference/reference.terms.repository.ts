// SQL of terms: documents (one per kind), their versions and drafts, and acceptances. Every
// statement is scoped by store.
import { type Generated, type Selectable, sql } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';

export interface TermsDocumentsTable {
  store_id: string;
  kind: string;
  audience: 'BUYER' | 'SELLER';
  last_version: Generated<number>;
  required_from: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TermsVersionsTable {
  id: string;
  store_id: string;
  kind: string;
  language: string;
  title: string;
  body: string;
  requires_acceptance: boolean;
  status: Generated<'DRAFT' | 'PUBLISHED'>;
  version: number | null;
  is_current: Generated<boolean>;
  created_by: string | null;
  published_by: string | null;
  published_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TermsAcceptancesTable {
  id: string;
  store_id: string;
  user_id: string | null;
  email: string | null;
  kind: string;
  version: number;
  language: string;
  context: 'SIGN_UP' | 'CHECKOUT' | 'PROMPT';
  order_id: string | null;
  ip: string | null;
  user_agent: string | null;
  accepted_at: Generated<Date>;
}

interface TermsTables {
  terms_documents: TermsDocumentsTable;
  terms_versions: TermsVersionsTable;
  terms_acceptances: TermsAcceptancesTable;
}

export type DocumentRow = Selectable<TermsDocumentsTable>;
export type VersionRow = Selectable<TermsVersionsTable>;
export type AcceptanceInsert = Omit<Selectable<TermsAcceptancesTable>, 'accepted_at'>;

const t = (db: Db) => tables<TermsTables>(db);

const VERSION_COLUMNS = [
  'id',
  'store_id',
  'kind',
  'language',
  'title',
  'body',
  'requires_acceptance',
  'status',
  'version',
  'is_current',
  'created_by',
  'published_by',
  'published_at',
  'created_at',
  'updated_at',
] as const;

/** The store's documents, each with its current versions (no body): what checkout and sign-up ask. */
export async function currentState(db: Db, storeId: string) {
  return t(db)
    .selectFrom('terms_documents as d')
    .leftJoin('terms_versions as v', (j) =>
      j.onRef('v.store_id', '=', 'd.store_id').onRef('v.kind', '=', 'd.kind').on('v.is_current', '=', true),
    )
    .select([
      'd.kind',
      'd.audience',
      'd.required_from',
      'v.language',
      'v.version',
      'v.title',
      'v.requires_acceptance',
      'v.published_at',
    ])
    .where('d.store_id', '=', storeId)
    .orderBy('d.kind')
    .execute();
}

export async function documents(db: Db, storeId: string): Promise<DocumentRow[]> {
  return t(db)
    .selectFrom('terms_documents')
    .select(['store_id', 'kind', 'audience', 'last_version', 'required_from', 'created_at', 'updated_at'])
    .where('store_id', '=', storeId)
    .orderBy('kind')
    .execute();
}

/** The kind's document, made on its first draft; the audience is set then and kept. */
export async function ensureDocument(db: Db, storeId: string, kind: string, audience: 'BUYER' | 'SELLER') {
  await t(db)
    .insertInto('terms_documents')
    .values({ store_id: storeId, kind, audience, required_from: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The document locked for a publish: publishes of one kind take their numbers one at a time. */
export async function lockDocument(db: Db, storeId: string, kind: string) {
  return t(db)
    .selectFrom('terms_documents')
    .select(['kind', 'audience', 'last_version', 'required_from'])
    .where('store_id', '=', storeId)
    .where('kind', '=', kind)
    .forUpdate()
    .executeTakeFirst();
}

export async function numberVersion(
  db: Db,
  storeId: string,
  kind: string,
  version: number,
  required: boolean,
) {
  await t(db)
    .updateTable('terms_documents')
    .set({
      last_version: version,
      ...(required ? { required_from: version } : {}),
      updated_at: sql`now()`,
    })
    .where('store_id', '=', storeId)
    .where('kind', '=', kind)
    .execute();
}

/** Every version and draft of the store, newest first, without their text (the console's list). */
export async function versions(db: Db, storeId: string, kind?: string) {
  let query = t(db)
    .selectFrom('terms_versions')
    .select(VERSION_COLUMNS.filter((c) => c !== 'body'))
    .where('store_id', '=', storeId);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('kind').orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function findVersion(db: Db, storeId: string, id: string, lock = false) {
  const query = t(db)
    .selectFrom('terms_versions')
    .select(VERSION_COLUMNS)
    .where('store_id', '=', storeId)
    .where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/** A published version by its number. */
export async function publishedVersion(db: Db, storeId: string, kind: string, version: number) {
  return t(db)
    .selectFrom('terms_versions')
    .select(VERSION_COLUMNS)
    .where('store_id', '=', storeId)
    .where('kind', '=', kind)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The current version of a kind in each language there is one. */
export async function currentVersions(db: Db, storeId: string, kind: string) {
  return t(db)
    .selectFrom('terms_versions')
    .select(VERSION_COLUMNS)
    .where('store_id', '=', storeId)
    .where('kind', '=', kind)
    .where('is_current', '=', true)
    .execute();
}

export async function insertDraft(
  db: Db,
  row: Pick<
    VersionRow,
    'id' | 'store_id' | 'kind' | 'language' | 'title' | 'body' | 'requires_acceptance' | 'created_by'
  >,
) {
  return t(db)
    .insertInto('terms_versions')
    .values({ ...row, version: null, published_by: null, published_at: null })
    .returning(VERSION_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateDraft(
  db: Db,
  storeId: string,
  id: string,
  changes: Partial<Pick<VersionRow, 'language' | 'title' | 'body' | 'requires_acceptance'>>,
) {
  return t(db)
    .updateTable('terms_versions')
    .set({ ...changes, updated_at: sql`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('status', '=', 'DRAFT')
    .returning(VERSION_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** The version that was current in the draft's kind and language stops being so. */
export async function retireCurrent(db: Db, storeId: string, kind: string, language: string) {
  return t(db)
    .updateTable('terms_versions')
    .set({ is_current: false, updated_at: sql`now()` })
    .where('store_id', '=', storeId)
    .where('kind', '=', kind)
    .where('language', '=', language)
    .where('is_current', '=', true)
    .returning(['id', 'version'])
    .executeTakeFirst();
}

export async function markPublished(db: Db, storeId: string, id: string, version: number, by: string | null) {
  return t(db)
    .updateTable('terms_versions')
    .set({
      status: 'PUBLISHED',
      version,
      is_current: true,
      published_by: by,
      published_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .returning(VERSION_COLUMNS)
    .executeTakeFirstOrThrow();
}

/**
 * The current versions named, locked against a publish replacing them until the acceptance
 * commits (a publish waits, then numbers the next version, which the acceptance does not cover).
 */
export async function lockCurrent(
  db: Db,
  storeId: string,
  accepted: Array<{ kind: string; version: number }>,
) {
  if (accepted.length === 0) return [];
  return t(db)
    .selectFrom('terms_versions')
    .select(['kind', 'version', 'language'])
    .where('store_id', '=', storeId)
    .where('is_current', '=', true)
    .where((eb) =>
      eb.or(accepted.map((a) => eb.and([eb('kind', '=', a.kind), eb('version', '=', a.version)]))),
    )
    .forShare()
    .execute();
}

/** Records acceptances; a user's second acceptance of the same version is kept once. */
export async function insertAcceptances(db: Db, rows: AcceptanceInsert[]) {
  if (rows.length === 0) return;
  await t(db)
    .insertInto('terms_acceptances')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['store_id', 'user_id', 'kind', 'version']).where('user_id', 'is not', null).doNothing(),
    )
    .execute();
}

/** A user's latest acceptance of each kind. */
export async function latestAcceptances(db: Db, storeId: string, userId: string) {
  return t(db)
    .selectFrom('terms_acceptances')
    .select(['kind', 'version', 'accepted_at', 'context'])
    .distinctOn('kind')
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .orderBy('kind')
    .orderBy('version', 'desc')
    .execute();
}

/** The acceptances an order was placed with. */
export async function orderAcceptances(db: Db, storeId: string, orderId: string) {
  return t(db)
    .selectFrom('terms_acceptances')
    .select(['kind', 'version', 'user_id', 'email', 'context', 'accepted_at'])
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .orderBy('kind')
    .execute();
}
