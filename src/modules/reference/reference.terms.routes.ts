import type { ZodApp } from '../../platform/http/app.ts';
import type { TermsAcceptance } from './reference.acceptance.ts';
import {
  AcceptBody,
  DraftBody,
  DraftPatch,
  KindParams,
  LangQuery,
  MyTermsView,
  StaffTermsView,
  StaffVersionView,
  TermsListView,
  TermsVersionView,
  VersionIdParams,
  VersionParams,
} from './reference.terms.schemas.ts';
import type { TermsDocuments } from './reference.terms.ts';

const tags = ['terms'];
const staff = { tags: ['admin', 'terms'], security: [{ bearer: [] }] };

export function termsRoutes(documents: TermsDocuments, acceptance: TermsAcceptance) {
  return async (app: ZodApp) => {
    publicRoutes(app, documents);
    app.get(
      '/me/terms',
      {
        schema: {
          tags,
          security: [{ bearer: [] }],
          summary: 'What the signed-in user accepted of each kind of terms, and what is pending',
          querystring: LangQuery,
          response: { 200: MyTermsView },
        },
      },
      async (req) => acceptance.mine(req.ctx, req.query.lang),
    );
    app.post(
      '/me/terms/accept',
      {
        schema: {
          tags,
          security: [{ bearer: [] }],
          summary: 'Accept current versions of terms',
          description:
            '`acceptedTerms: [{ kind, version }]`, each the current version of its kind in some language; 409 `terms-version-not-current` (with the current ones) otherwise.',
          body: AcceptBody,
          response: { 200: MyTermsView },
        },
      },
      async (req) =>
        acceptance.accept(req.ctx, req.body.acceptedTerms, {
          ip: req.ip,
          userAgent: req.headers['user-agent'],
        }),
    );
    staffRoutes(app, documents);
  };
}

function publicRoutes(app: ZodApp, documents: TermsDocuments) {
  app.get(
    '/terms',
    {
      schema: {
        tags,
        summary: 'The current version of each kind of terms (without text)',
        description: 'In `lang`, its base language, else the store’s language, else the newest.',
        querystring: LangQuery,
        response: { 200: TermsListView },
      },
    },
    async (req) => documents.list(req.ctx, req.query.lang),
  );
  app.get(
    '/terms/:kind',
    {
      schema: {
        tags,
        summary: 'The current text of a kind of terms',
        description: '404 `terms-not-found` while none is published.',
        params: KindParams,
        querystring: LangQuery,
        response: { 200: TermsVersionView },
      },
    },
    async (req) => documents.current(req.ctx, req.params.kind, req.query.lang),
  );
  app.get(
    '/terms/:kind/versions/:version',
    {
      schema: {
        tags,
        summary: 'A published version of a kind of terms, current or not',
        params: VersionParams,
        response: { 200: TermsVersionView },
      },
    },
    async (req) => documents.version(req.ctx, req.params.kind, req.params.version),
  );
}

function staffRoutes(app: ZodApp, documents: TermsDocuments) {
  app.get(
    '/admin/terms',
    {
      schema: {
        ...staff,
        summary: 'Every kind of terms with its versions and drafts (ADMIN)',
        response: { 200: StaffTermsView },
      },
    },
    async (req) => documents.staffList(req.ctx),
  );
  app.post(
    '/admin/terms/:kind/drafts',
    {
      schema: {
        ...staff,
        summary: 'Write a draft of a kind of terms; a new kind starts with it (settings:manage)',
        params: KindParams,
        body: DraftBody,
        response: { 201: StaffVersionView },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await documents.createDraft(req.ctx, req.params.kind, req.body)),
  );
  app.get(
    '/admin/terms/versions/:id',
    {
      schema: {
        ...staff,
        summary: 'A version or draft with its text (ADMIN)',
        params: VersionIdParams,
        response: { 200: StaffVersionView },
      },
    },
    async (req) => documents.staffVersion(req.ctx, req.params.id),
  );
  app.patch(
    '/admin/terms/versions/:id',
    {
      schema: {
        ...staff,
        summary: 'Change a draft (settings:manage)',
        description: '409 `terms-version-published` for a published version: it never changes.',
        params: VersionIdParams,
        body: DraftPatch,
        response: { 200: StaffVersionView },
      },
    },
    async (req) => documents.editDraft(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/admin/terms/versions/:id/publish',
    {
      schema: {
        ...staff,
        summary: 'Publish a draft as its kind’s next version, current in its language (settings:manage)',
        description:
          'Numbered after the kind’s last version; with `requiresAcceptance` users are asked to accept it again. Audited. 409 `terms-version-published` when it already is.',
        params: VersionIdParams,
        response: { 200: StaffVersionView },
      },
    },
    async (req) => documents.publish(req.ctx, req.params.id),
  );
}
