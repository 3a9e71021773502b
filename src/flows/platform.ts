// The platform's flows: a business owner signs up (an account in the platform realm and a tenant,
// together), and a store described in words is generated and written (catalog and store together).
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { IdentityService } from '../modules/identity/index.ts';
import { RegisterBody, UserView } from '../modules/identity/index.ts';
import {
  describeOutcome,
  type GeneratedStore,
  type PlatformStores,
  runGenerator,
  type StoreGenerationInput,
  type StoreGenerator,
  TenancyEvents,
  TenantView,
} from '../modules/tenancy/index.ts';
import type { Db } from '../platform/db/database.ts';
import { transaction } from '../platform/db/transaction.ts';
import type { ZodApp } from '../platform/http/app.ts';
import { type Ctx, withDb } from '../platform/http/context.ts';
import { TooManyRequests } from '../platform/http/errors.ts';
import type { Jobs } from '../platform/jobs/jobs.ts';
import { Text } from '../platform/schemas.ts';

export const SignupBody = RegisterBody.extend({ businessName: Text(200) });
export type SignupBody = z.infer<typeof SignupBody>;

export const SignupView = z.object({
  tenant: TenantView,
  user: UserView,
  accessToken: z.string(),
  refreshToken: z.string(),
});

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

export const GENERATE_QUEUE = 'platform.generate-store';

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

export function platformFlowRoutes(deps: PlatformFlowDeps, perMinute: number) {
  return async (api: ZodApp) => {
    // a scope of its own, so the per-address limit applies to this call only
    await api.register(async (scope) => {
      await scope.register(rateLimit, {
        global: false,
        errorResponseBuilder: (_req, context) =>
          new TooManyRequests(Math.max(1, Math.ceil(context.ttl / 1000))),
      });
      signupRoute(scope as unknown as ZodApp, deps, perMinute);
    });
  };
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
