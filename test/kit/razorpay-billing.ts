import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { razorpaySignature } from '../../src/modules/payments/index.ts';

// A loopback stand-in for Razorpay's documented Subscriptions API: Basic auth, the documented
// request bodies (checked), the documented answers and error shape.

const PERIODS = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'];

export type Entity = Record<string, unknown> & { id: string };

export interface SeenCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
  idempotencyKey: string | undefined;
}

export interface RazorpayBillingStandIn {
  apiBase: string;
  seen: SeenCall[];
  plans: Entity[];
  customers: Entity[];
  subscriptions: Map<string, Entity>;
  /** How long the customer call for `slow@example.com` waits. */
  slowMs: number;
  close(): Promise<void>;
}

const refuse = (res: http.ServerResponse, status: number, description: string) =>
  send(res, status, {
    error: { code: 'BAD_REQUEST_ERROR', description, source: 'NA', step: 'NA', reason: 'NA' },
  });

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Starts the stand-in on a free loopback port, accepting calls under `keyId:keySecret` only. */
export async function startRazorpayBilling(
  keyId: string,
  keySecret: string,
): Promise<RazorpayBillingStandIn> {
  const state = {
    seen: [] as SeenCall[],
    plans: [] as Entity[],
    customers: [] as Entity[],
    subscriptions: new Map<string, Entity>(),
    slowMs: 0,
  };
  const ids = { n: 0 };
  const next = (prefix: string) => `${prefix}_${++ids.n}`;
  const expected = `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}`;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      if (req.headers.authorization !== expected) {
        return send(res, 401, {
          error: { code: 'BAD_REQUEST_ERROR', description: 'The api key provided is invalid' },
        });
      }
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const key = req.headers['x-idempotency-key'];
      state.seen.push({
        method: req.method ?? '',
        path: req.url ?? '',
        body,
        idempotencyKey: typeof key === 'string' ? key : undefined,
      });
      route(state, next, req.method ?? '', req.url ?? '', body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    apiBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  });
}

type State = Pick<RazorpayBillingStandIn, 'plans' | 'customers' | 'subscriptions' | 'slowMs'>;

function route(
  state: State,
  next: (prefix: string) => string,
  method: string,
  path: string,
  body: Record<string, unknown>,
  res: http.ServerResponse,
) {
  const url = new URL(path, 'http://stand-in');
  if (method === 'GET' && url.pathname === '/v1/plans') {
    const count = Number(url.searchParams.get('count') ?? 10);
    const skip = Number(url.searchParams.get('skip') ?? 0);
    const items = state.plans.slice(skip, skip + count);
    return send(res, 200, { entity: 'collection', count: items.length, items });
  }
  if (method === 'POST' && url.pathname === '/v1/plans') return createPlan(state, next('plan'), body, res);
  const plan = url.pathname.match(/^\/v1\/plans\/([^/]+)$/);
  if (method === 'GET' && plan) {
    const found = state.plans.find((p) => p.id === plan[1]);
    return found ? send(res, 200, found) : refuse(res, 400, 'The id provided does not exist');
  }
  if (method === 'POST' && url.pathname === '/v1/customers')
    return createCustomer(state, next('cust'), body, res);
  if (method === 'POST' && url.pathname === '/v1/subscriptions')
    return createSubscription(state, next('sub'), body, res);
  const sub = url.pathname.match(/^\/v1\/subscriptions\/([^/]+?)(\/cancel)?$/);
  const subscription = sub ? state.subscriptions.get(sub[1] as string) : undefined;
  if (sub && !subscription) return refuse(res, 400, 'The id provided does not exist');
  if (subscription && method === 'PATCH' && !sub?.[2]) return updateSubscription(subscription, body, res);
  if (subscription && method === 'POST' && sub?.[2]) return cancelSubscription(subscription, body, res);
  return refuse(res, 400, 'The requested URL was not found on the server.');
}

function createPlan(state: State, id: string, body: Record<string, unknown>, res: http.ServerResponse) {
  const item = body.item as Record<string, unknown> | undefined;
  if (!PERIODS.includes(String(body.period)) || !Number.isInteger(body.interval)) {
    return refuse(res, 400, 'The period field is invalid.');
  }
  if (
    !item ||
    typeof item.name !== 'string' ||
    !Number.isInteger(item.amount) ||
    typeof item.currency !== 'string'
  ) {
    return refuse(res, 400, 'The item field is invalid.');
  }
  const plan = {
    id,
    entity: 'plan',
    interval: body.interval,
    period: body.period,
    item,
    notes: body.notes ?? [],
  };
  state.plans.push(plan);
  return send(res, 200, plan);
}

function createCustomer(state: State, id: string, body: Record<string, unknown>, res: http.ServerResponse) {
  if (typeof body.name !== 'string' || typeof body.email !== 'string')
    return refuse(res, 400, 'The name field is required.');
  if (body.email === 'slow@example.com')
    return setTimeout(() => send(res, 200, { id: 'cust_slow' }), state.slowMs);
  const existing = state.customers.find((c) => c.email === body.email && c.contact === body.contact);
  if (existing) {
    return body.fail_existing === '0'
      ? send(res, 200, existing)
      : refuse(res, 400, 'Customer already exists for the merchant');
  }
  const customer = {
    id,
    entity: 'customer',
    name: body.name,
    email: body.email,
    contact: body.contact,
    notes: body.notes,
  };
  state.customers.push(customer);
  return send(res, 200, customer);
}

function createSubscription(
  state: State,
  id: string,
  body: Record<string, unknown>,
  res: http.ServerResponse,
) {
  if (!state.plans.some((p) => p.id === body.plan_id))
    return refuse(res, 400, 'The id provided does not exist');
  if (!Number.isInteger(body.total_count)) return refuse(res, 400, 'The total count field is required.');
  const subscription = {
    id,
    entity: 'subscription',
    plan_id: body.plan_id,
    customer_id: body.customer_id,
    status: 'created',
    current_start: null,
    current_end: null,
    total_count: body.total_count,
    customer_notify: body.customer_notify,
    notes: body.notes,
    short_url: `https://rzp.io/i/${id}`,
    has_scheduled_changes: false,
    change_scheduled_at: null,
  };
  state.subscriptions.set(id, subscription);
  return send(res, 200, subscription);
}

function updateSubscription(subscription: Entity, body: Record<string, unknown>, res: http.ServerResponse) {
  if (!['authenticated', 'active'].includes(String(subscription.status))) {
    return refuse(res, 400, 'Subscription can only be updated in authenticated or active state');
  }
  if (!['now', 'cycle_end'].includes(String(body.schedule_change_at))) {
    return refuse(res, 400, 'The schedule change at field is invalid.');
  }
  if (body.schedule_change_at === 'now') Object.assign(subscription, { plan_id: body.plan_id });
  else
    Object.assign(subscription, {
      has_scheduled_changes: true,
      change_scheduled_at: subscription.current_end,
    });
  return send(res, 200, subscription);
}

function cancelSubscription(subscription: Entity, body: Record<string, unknown>, res: http.ServerResponse) {
  if (![0, 1, true, false].includes(body.cancel_at_cycle_end as number)) {
    return refuse(res, 400, 'The cancel at cycle end field is invalid.');
  }
  if (!body.cancel_at_cycle_end)
    Object.assign(subscription, { status: 'cancelled', ended_at: 1_790_000_000 });
  return send(res, 200, subscription);
}

/** A webhook delivery of `body` as Razorpay signs it (HMAC-SHA256 of the raw body under `secret`). */
export function signedWebhook(body: unknown, secret: string, deliveryId = 'evt_H1') {
  const rawBody = Buffer.from(JSON.stringify(body));
  return {
    rawBody,
    headers: {
      'x-razorpay-signature': razorpaySignature(rawBody, secret),
      'x-razorpay-event-id': deliveryId,
    },
  };
}
