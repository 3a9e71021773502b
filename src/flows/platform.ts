// The platform's flows: a business owner signs up (an account in the platform realm and a tenant,
// together), someone invited to a store's staff signs up (an account with no role and the
// invitation taken up, together), a store described in words is generated and written (catalog
// and store together), and a platform account opens a session bound to one of its stores for that
// store's console.
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { IdentityService } from '../modules/identity/index.ts';
import { EmailTaken, RegisterBody, UserView } from '../modules/identity/index.ts';
import {
  AcceptBody,
  AcceptedView,
  describeOutcome,
  type GeneratedStore,
  type PlatformStores,
  runGenerator,
  type StoreGenerationInput,
  type StoreGenerator,
  type StoreStaffService,
  TenancyEvents,
  TenantView,
} from '../modules/tenancy/index.ts';
import type { Db } from '../platform/db/database.ts';
import { transaction } from '../platform/db/transaction.ts';
import type { ZodApp } from '../platform/http/app.ts';
import { type Ctx, PLATFORM_REALM, withDb } from '../platform/http/context.ts';
import { Conflict, TooManyRequests } from '../platform/http/errors.ts';
import type { Jobs } from '../platform/jobs/jobs.ts';
import { IdParams, Text } from '../platform/schemas.ts';

export const SignupBody = RegisterBody.extend({ businessName: Text(200) });
export type SignupBody = z.infer<typeof SignupBody>;

export const SignupView = z.object({
  tenant: TenantView,
  user: UserView,
  accessToken: z.string(),
  refreshToken: z.string(),
});

/** An invited person's sign-up: the account takes the invitation's address, so the body has none. */
export const InvitationSignUpBody = RegisterBody.omit({ email: true }).extend({
  token: AcceptBody.shape.token,
});
export type InvitationSignUpBody = z.infer<typeof InvitationSignUpBody>;

export const InvitationSignUpView = z.object({
  user: UserView,
  accessToken: z.string(),
  refreshToken: z.string(),
  accepted: AcceptedView,
});

/** The invitation's address has a platform account already: its holder signs in and accepts. */
export class InvitationAccountExists extends Conflict {
  constructor() {
    super(
      'A platform account with the email this invitation was sent to exists already: sign in with it and accept the invitation.',
      'invitation-account-exists',
    );
  }
}

/**
 * Writes a generated store's catalog (categories, products, the store's own offers, stock) in the
 * caller's transaction; `written` runs after that transaction commits (read caches forget the store).
 */
export interface CatalogWriter {
  write(db: Db, input: { storeId: string; doc: GeneratedStore }): Promise<unknown>;
  written(storeId: string): void;
}

export interface PlatformFlowDeps {
  identity: IdentityService;
  stores: PlatformStores;
  generator: StoreGenerator;
  catalog: CatalogWriter;
  jobs: Jobs;
}

/** What the platform's routes need besides the flows: the stores' staff (invitations). */
export interface PlatformRouteDeps extends PlatformFlowDeps {
  staff: StoreStaffService;
}

export const GENERATE_QUEUE = 'platform.generate-store';

export const StoreSessionView = z
  .object({
    storeId: z.string(),
    accessToken: z.string(),
    refreshToken: z.string(),
    /** Seconds the access token lives; the refresh token renews it in the store (`POST /auth/refresh`). */
    expiresIn: z.number().int(),
  })
  .meta({ id: 'StoreSession' });

/**
 * A session of the signed-in platform account bound to one store (decision 019): tenancy decides
 * whether the account may have one (owner or staff, store not suspended), identity opens it.
 */
export async function openStoreSession(
  deps: PlatformFlowDeps,
  ctx: Ctx,
  storeId: string,
  req: FastifyRequest,
): Promise<z.infer<typeof StoreSessionView>> {
  const store = await deps.stores.sessionStore(ctx, storeId);
  const client = { userAgent: req.headers['user-agent'], ip: req.ip };
  return { storeId: store.id, ...(await deps.identity.bound.open(ctx, store.id, client)) };
}

/** A business owner's account and tenant, made together (one transaction), and signed in. */
export async function signUp(deps: PlatformFlowDeps, ctx: Ctx, body: SignupBody, req: FastifyRequest) {
  const { businessName, ...account } = body;
  return transaction(ctx.db, async (trx) => {
    const session = await deps.identity.register(
      withDb(ctx, trx),
      account,
      { userAgent: req.headers['user-agent'], ip: req.ip },
      ['BUSINESS_OWNER'],
    );
    const tenant = await deps.stores.createTenant(trx, { businessName, ownerId: session.user.id });
    return { tenant, ...session };
  });
}

/**
 * Someone invited to a store's staff, with no platform account yet: an account in the realm with
 * the invitation's address (verified: the mailed secret proves it) and no role (no tenant, not a
 * business owner), made and made staff of the store in one transaction, so an invitation that is
 * used, expired or withdrawn makes no account. Signed in.
 */
export async function signUpByInvitation(
  deps: PlatformRouteDeps,
  ctx: Ctx,
  body: InvitationSignUpBody,
  req: FastifyRequest,
) {
  const { token, ...person } = body;
  const client = { userAgent: req.headers['user-agent'], ip: req.ip };
  let session: Awaited<ReturnType<IdentityService['register']>> | undefined;
  const accepted = await deps.staff.takeUp(ctx, token, async (trx, invitation) => {
    try {
      const account = { ...person, email: invitation.email };
      session = await deps.identity.register(withDb(ctx, trx), account, client, [], { emailVerified: true });
    } catch (error) {
      throw error instanceof EmailTaken ? new InvitationAccountExists() : error;
    }
    return session.user.id;
  });
  if (!session) throw new Error('the invitation was taken up without an account');
  return { ...session, accepted };
}

interface GenerationRequest extends Record<string, unknown> {
  storeId: string;
  description: string;
  businessName: string;
  currency: string;
  language: string;
  storeType?: StoreGenerationInput['storeType'];
}

/**
 * The generation job: runs the generator outside any transaction, then writes the catalog and
 * moves the store to DRAFT in one transaction, so a store is never half-written. A store no longer
 * GENERATING (regenerated or suspended meanwhile) is left alone. After the last attempt the store
 * is FAILED with the reason, and may be generated again.
 */
export function registerStoreGeneration(deps: PlatformFlowDeps): void {
  deps.jobs.subscribe<GenerationRequest>(
    TenancyEvents.generationRequested,
    GENERATE_QUEUE,
    async (job) => {
      const { storeId } = job.payload;
      if (!(await deps.stores.isGenerating(job.db, storeId))) return;
      try {
        const { doc, note } = await generate(deps.generator, job.payload);
        await transaction(job.db, async (trx) => {
          await deps.catalog.write(trx, { storeId, doc });
          await deps.stores.completeGeneration(trx, storeId, doc, note);
        });
        deps.catalog.written(storeId);
      } catch (error) {
        job.log.warn({ err: error, storeId, attempt: job.attempt }, 'store generation failed');
        if (job.attempt < job.maxAttempts) throw error;
        await deps.stores.failGeneration(job.db, storeId, reasonOf(error));
      }
    },
    { maxAttempts: 3, backoffMs: 2_000 },
  );
}

async function generate(generator: StoreGenerator, request: GenerationRequest) {
  const input: StoreGenerationInput = {
    businessName: request.businessName,
    description: request.description,
    currency: request.currency,
    language: request.language,
    ...(request.storeType ? { storeType: request.storeType } : {}),
  };
  const outcome = await runGenerator(generator, input);
  const doc = outcome.store;
  return { doc, note: `${describeOutcome(outcome)} as a ${doc.storeType} store (${doc.theme})` };
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Generation failed: ${message}`.slice(0, 1000);
}

export function platformFlowRoutes(deps: PlatformRouteDeps, perMinute: number) {
  return async (api: ZodApp) => {
    // a scope of its own, so the per-address limits apply to these calls only
    await api.register(async (scope) => {
      await scope.register(rateLimit, {
        global: false,
        errorResponseBuilder: (_req, context) =>
          new TooManyRequests(Math.max(1, Math.ceil(context.ttl / 1000))),
      });
      signupRoute(scope as unknown as ZodApp, deps, perMinute);
      invitationSignUpRoute(scope as unknown as ZodApp, deps, perMinute);
    });
    storeSessionRoute(api, deps);
  };
}

function storeSessionRoute(app: ZodApp, deps: PlatformFlowDeps) {
  app.post(
    '/platform/stores/:id/session',
    {
      config: { platform: true },
      schema: {
        tags: ['platform'],
        security: [{ bearer: [] }],
        summary:
          "Open a session bound to this store (its owner or staff), for the store's console: its tokens work in this store only",
        params: IdParams,
        response: { 201: StoreSessionView },
      },
    },
    async (req, reply) => reply.code(201).send(await openStoreSession(deps, req.ctx, req.params.id, req)),
  );
}

function signupRoute(app: ZodApp, deps: PlatformFlowDeps, perMinute: number) {
  app.post(
    '/platform/signup',
    {
      config: { platform: true, rateLimit: { max: perMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['platform'],
        summary: 'Sign up as a business owner: an account and a tenant on plan FREE',
        body: SignupBody,
        response: { 201: SignupView },
      },
    },
    async (req, reply) => reply.code(201).send(await signUp(deps, req.ctx, req.body, req)),
  );
}

function invitationSignUpRoute(app: ZodApp, deps: PlatformRouteDeps, perMinute: number) {
  app.post(
    '/platform/invitations/sign-up',
    {
      config: { platform: true, rateLimit: { max: perMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['platform'],
        summary:
          "Create a platform account from a store's invitation and take the invitation up: the account has the invitation's email, no role and no tenant",
        body: InvitationSignUpBody,
        response: { 201: InvitationSignUpView },
      },
    },
    async (req, reply) => reply.code(201).send(await signUpByInvitation(deps, req.ctx, req.body, req)),
  );
}

/**
 * An invitation to a store's staff leaves as an event in the platform realm, which notifications
 * mails. The secret is sealed with the data key (bound to the invitation's address), so the outbox
 * and the queue never hold it in clear; the mail's link carries it in the fragment
 * (`#invitation=`), which browsers never send to a server, so it stays out of access logs.
 */
export function publishInvitation(jobs: Jobs, secrets: { seal(text: string, aad: string): string }) {
  return (db: Db, invitation: { email: string; storeName: string; role: string; token: string }) => {
    const aad = `tenancy:invitation:${invitation.email.toLowerCase()}`;
    return jobs.publish(db, {
      name: TenancyEvents.staffInvited,
      storeId: PLATFORM_REALM,
      payload: {
        email: invitation.email,
        storeName: invitation.storeName,
        role: invitation.role,
        token: { sealed: secrets.seal(invitation.token, aad), aad },
      },
    });
  };
}
