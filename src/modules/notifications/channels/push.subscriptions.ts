import { z } from 'zod';
import type { ZodApp } from '../../../platform/http/app.ts';
import { requireActor } from '../../../platform/http/authorization.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { BadRequest, NotFound } from '../../../platform/http/errors.ts';
import { newId } from '../../../platform/ids.ts';
import * as pushRepo from '../notifications.push.repository.ts';

/** A browser's PushSubscription, as `subscription.toJSON()` gives it. */
export const PushSubscriptionBody = z.object({
  endpoint: z.string().url().max(2000),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{16,200}={0,2}$/, 'The key as base64url.'),
    auth: z.string().regex(/^[A-Za-z0-9_-]{8,100}={0,2}$/, 'The secret as base64url.'),
  }),
});
export const PushEndpointBody = z.object({ endpoint: z.string().url().max(2000) });
export const PushSubscriptionView = z.object({
  id: z.string().uuid(),
  endpoint: z.string(),
  createdAt: z.string(),
});
export const VapidKeyView = z.object({ publicKey: z.string() });

export interface PushRouteDeps {
  /** The VAPID public key browsers subscribe with; null when web push is off. */
  publicKey: string | null;
  /** Plain-http endpoints on this machine are accepted (development, tests); otherwise https only. */
  allowLoopbackHttp: boolean;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** The server posts to the endpoint, so it must be a push service's https address (no plain http inward). */
function refuseEndpoint(endpoint: string, deps: PushRouteDeps): void {
  const url = new URL(endpoint);
  const ok =
    url.protocol === 'https:' ||
    (deps.allowLoopbackHttp && url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  if (!ok)
    throw new BadRequest('A push endpoint is an https address.', [
      { pointer: '/endpoint', in: 'body', detail: 'not an https address' },
    ]);
}

export async function subscribe(
  ctx: Ctx,
  body: z.infer<typeof PushSubscriptionBody>,
  userAgent: string | undefined,
  deps: PushRouteDeps,
) {
  const actor = requireActor(ctx);
  if (!deps.publicKey) throw new NotFound('web push');
  refuseEndpoint(body.endpoint, deps);
  const row = await pushRepo.upsertSubscription(ctx.db, {
    id: newId(),
    store_id: ctx.storeId,
    user_id: actor.userId,
    endpoint: body.endpoint,
    p256dh: body.keys.p256dh,
    auth: body.keys.auth,
    user_agent: userAgent?.slice(0, 500) ?? null,
  });
  return { id: row.id, endpoint: row.endpoint, createdAt: row.created_at.toISOString() };
}

export async function unsubscribe(ctx: Ctx, endpoint: string): Promise<void> {
  const actor = requireActor(ctx);
  if (!(await pushRepo.deleteSubscription(ctx.db, ctx.storeId, actor.userId, endpoint)))
    throw new NotFound('push subscription');
}

const tags = ['notifications'];
const bearer = [{ bearer: [] }];

export function pushRoutes(deps: PushRouteDeps) {
  return async (app: ZodApp) => {
    app.get(
      '/push/vapid-public-key',
      {
        schema: {
          tags,
          summary: 'The key browsers subscribe to web push with',
          response: { 200: VapidKeyView },
        },
      },
      async () => {
        if (!deps.publicKey) throw new NotFound('web push');
        return { publicKey: deps.publicKey };
      },
    );
    app.post(
      '/me/push-subscriptions',
      {
        schema: {
          tags,
          security: bearer,
          summary: "Subscribe this device to web push (the browser's PushSubscription)",
          body: PushSubscriptionBody,
          response: { 201: PushSubscriptionView },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await subscribe(req.ctx, req.body, req.headers['user-agent'], deps)),
    );
    app.delete(
      '/me/push-subscriptions',
      {
        schema: {
          tags,
          security: bearer,
          summary: 'Unsubscribe a device from web push',
          body: PushEndpointBody,
        },
      },
      async (req, reply) => {
        await unsubscribe(req.ctx, req.body.endpoint);
        return reply.code(204).send();
      },
    );
  };
}
