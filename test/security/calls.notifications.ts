import { systemCtx, withDb } from '../../src/platform/http/context.ts';
import { newId } from '../../src/platform/ids.ts';
import type { Call } from './calls.ts';
import type { World } from './fixtures.ts';

/**
 * How the matrix calls the notification operations: the feed and preferences of the caller, the
 * staff's templates and delivery log, and the links in mail (their tokens forged here: 404 to all).
 */

/** An in-app notification of the customer's, written as an event would write it. */
async function customersNotification(w: World): Promise<string> {
  const user = w.callers.customer.user!;
  const { notifications } = w.server.modules;
  const ctx = systemCtx(w.server.database.db, w.storeId, w.server.log, { reason: 'matrix' });
  const eventId = newId();
  await notifications.dispatcher.dispatch(withDb(ctx, ctx.db), eventId, [
    {
      type: 'ACCOUNT_WELCOME',
      recipient: { userId: user.id, name: 'Matrix', email: null, phone: null },
      data: { accountUrl: '' },
    },
  ]);
  const row = await w.server.database.db
    .selectFrom('notifications')
    .select('id')
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return row.id as string;
}

const template = { params: { type: 'ORDER_SHIPPED', channel: 'EMAIL' } };
const forged = { status: [404], why: 'the token is forged: a link no mail carried is 404 to everyone' };
const token = { query: { token: 'v1.forged.token.here.x' } };

export const NOTIFICATION_CALLS: Record<string, Call> = {
  'GET /me/notifications': {},
  'GET /me/notifications/unread-count': {},
  'POST /me/notifications/{id}/read': {
    fresh: customersNotification,
    request: (_w, _who, id: string) => ({ params: { id } }),
  },
  'POST /me/notifications/read-all': {},
  'GET /me/notification-preferences': {},
  'PUT /me/notification-preferences': {
    request: () => ({ body: { channels: { email: true, sms: false, push: true, inApp: true } } }),
  },
  'GET /admin/notification-templates': {},
  'GET /admin/notification-templates/{type}/{channel}': { request: () => template },
  'PUT /admin/notification-templates/{type}/{channel}': {
    request: () => ({ ...template, body: { subject: 'Shipped {{order.number}}', body: 'On its way.' } }),
  },
  'POST /admin/notification-templates/{type}/{channel}/preview': {
    phase: 'read',
    request: () => ({ ...template, body: {} }),
  },
  'POST /admin/notification-templates/{type}/{channel}/revert': { request: () => template },
  'GET /admin/notifications': {},
  'GET /notifications/open.gif': { request: () => token },
  'GET /notifications/click': { request: () => token, accept: forged },
  'GET /notifications/unsubscribe': { request: () => token, accept: forged },
  'POST /notifications/unsubscribe': { request: () => token, accept: forged },
};
