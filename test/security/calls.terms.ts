import type { Call } from './calls.ts';
import { send, type World } from './fixtures.ts';

/**
 * How the matrix calls the terms operations. Versions it publishes ask for no acceptance, so the
 * matrix's own sign-ups and checkouts go on without accepting anything; a call that changes a
 * draft gets a fresh one of the store's, written by its admin.
 */

const KIND = 'matrix-notice';
const draftBody = {
  language: 'en',
  title: 'Matrix notice',
  body: 'Notice for the matrix.',
  requiresAcceptance: false,
};

type Draft = { id: string };

function draft(w: World): Promise<Draft> {
  return send(w.server, 'POST', `/admin/terms/${KIND}/drafts`, draftBody, w.callers.admin.headers);
}

const onFresh = (body?: unknown): Call<Draft> => ({
  fresh: draft,
  request: (_w, _who, d) => ({ params: { id: d.id }, ...(body !== undefined ? { body } : {}) }),
});

/** The kind's current version, published once (by the admin) when there is none yet. */
async function published(w: World): Promise<number> {
  const current = await w.server.app.inject({
    method: 'GET',
    url: `/api/v1/terms/${KIND}`,
    headers: w.callers.admin.headers,
  });
  if (current.statusCode === 200) return current.json().version;
  const d = await draft(w);
  const done = await send(
    w.server,
    'POST',
    `/admin/terms/versions/${d.id}/publish`,
    undefined,
    w.callers.admin.headers,
  );
  return done.version;
}

export const TERMS_CALLS: Record<string, Call> = {
  'GET /terms': {},
  'GET /terms/{kind}': {
    fresh: published,
    request: () => ({ params: { kind: KIND } }),
  },
  'GET /terms/{kind}/versions/{version}': {
    fresh: published,
    request: (_w, _who, version) => ({ params: { kind: KIND, version: String(version) } }),
  },
  'GET /me/terms': {},
  'POST /me/terms/accept': {
    fresh: published,
    request: async (w) => ({ body: { acceptedTerms: [{ kind: KIND, version: await published(w) }] } }),
  },
  'GET /admin/terms': {},
  'POST /admin/terms/{kind}/drafts': { request: () => ({ params: { kind: KIND }, body: draftBody }) },
  'GET /admin/terms/versions/{id}': onFresh(),
  'PATCH /admin/terms/versions/{id}': onFresh({ title: 'Matrix notice, changed' }),
  'POST /admin/terms/versions/{id}/publish': onFresh(),
};
