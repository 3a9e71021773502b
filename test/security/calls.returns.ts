import type { Call } from './calls.ts';
import { checkout, send, unique, type World } from './fixtures.ts';

/**
 * How the matrix calls the return operations (fulfilment: returns). Each needs an order the
 * customer bought and had delivered, and a return in the status the call moves it from.
 */

type Stage = 'DELIVERED' | 'REQUESTED' | 'APPROVED' | 'RECEIVED';
type Made = { orderId: string; itemId: string; returnId: string | null };

/** One unit of the store's offer, bought by the customer, shipped by courier, delivered; then the return up to `stage`. */
async function returned(w: World, stage: Stage): Promise<Made> {
  const admin = w.callers.admin.headers;
  const offerId = w.catalog.storeOffers[1].offerId;
  const placed = await checkout(w, [offerId]);
  const itemId = placed.items[offerId]!;
  const shipment = await send(w.server, 'POST', `/admin/orders/${placed.orderId}/shipments`, {}, admin);
  for (const status of ['PICKED_UP', 'IN_TRANSIT', 'DELIVERED'])
    await send(w.server, 'POST', `/admin/shipments/${shipment.id}/events`, { status }, admin);
  if (stage === 'DELIVERED') return { orderId: placed.orderId, itemId, returnId: null };
  const made = await send(
    w.server,
    'POST',
    `/orders/${placed.orderId}/returns`,
    { items: [{ orderItemId: itemId, quantity: 1 }], reason: 'matrix' },
    w.callers.customer.headers,
  );
  const staff = (action: string) => send(w.server, 'POST', `/admin/returns/${made.id}/${action}`, {}, admin);
  if (stage === 'APPROVED' || stage === 'RECEIVED') await staff('approve');
  if (stage === 'RECEIVED') await staff('receive');
  return { orderId: placed.orderId, itemId, returnId: made.id as string };
}

/** The one REQUESTED return every reader reads (made once, on first use). */
async function readable(w: World): Promise<Made> {
  const key = 'returns: the one read';
  if (!w.fresh.has(key)) w.fresh.set(key, await returned(w, 'REQUESTED'));
  return w.fresh.get(key) as Made;
}

const onReturn = (stage: Stage, body: unknown = {}): Call<Made> => ({
  fresh: (w) => returned(w, stage),
  request: (_w, _who, made) => ({ params: { id: made.returnId! }, body }),
});

export const RETURN_CALLS: Record<string, Call> = {
  'POST /orders/{id}/returns': {
    fresh: (w) => returned(w, 'DELIVERED'),
    request: (_w, _who, made: Made) => ({
      params: { id: made.orderId },
      body: { items: [{ orderItemId: made.itemId, quantity: 1 }], reason: unique('matrix') },
    }),
  },
  'GET /me/returns': {},
  'GET /returns/{id}': {
    fresh: readable,
    request: (_w, _who, made: Made) => ({ params: { id: made.returnId! } }),
  },
  'POST /returns/{id}/cancel': onReturn('REQUESTED', undefined),
  'GET /admin/returns': { request: () => ({ query: { status: 'REQUESTED' } }) },
  'POST /admin/returns/{id}/approve': onReturn('REQUESTED', { note: 'matrix' }),
  'POST /admin/returns/{id}/reject': onReturn('REQUESTED', { note: 'matrix' }),
  'POST /admin/returns/{id}/receive': onReturn('APPROVED'),
  'POST /admin/returns/{id}/refund': onReturn('RECEIVED'),
};
