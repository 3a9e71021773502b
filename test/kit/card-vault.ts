import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../../src/platform/db/database.ts';
import { newId } from '../../src/platform/ids.ts';

// A loopback stand-in for the saved-card APIs of Stripe and Razorpay, answering as their
// documentation shows. Stripe (Bearer auth, form bodies): Customers, SetupIntents (create, confirm
// with a test card, retrieve with `expand[]=payment_method`), PaymentMethods (list a customer's,
// detach) and PaymentIntents charged off-session with `customer` + `payment_method`. Razorpay
// (Basic auth, JSON): Customers, orders, a customer's tokens (list, delete), recurring payments
// (`/payments/create/recurring`), payments (fetch, capture). Razorpay Checkout's authorisation
// payment, which makes the token, is `authorise()`.

type Entity = Record<string, unknown> & { id: string };

/** Stripe's test cards, by the PaymentMethod ids its docs give them. */
const TEST_CARDS: Record<string, { brand: string; last4: string }> = {
  pm_card_visa: { brand: 'visa', last4: '4242' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002' },
  pm_card_authenticationRequired: { brand: 'visa', last4: '3184' },
};

export interface SeenVaultCall {
  provider: 'stripe' | 'razorpay';
  method: string;
  path: string;
  body: string;
}

export interface CardVaultStandIn {
  apiBase: string;
  calls: SeenVaultCall[];
  stripe: {
    customers: Map<string, Entity>;
    setupIntents: Map<string, Entity>;
    /** PaymentMethods by id: `customer` is null once detached; `test` names the test card. */
    methods: Map<string, Entity & { customer: string | null; test: string }>;
    intents: Entity[];
  };
  razorpay: {
    customers: Map<string, Entity>;
    /** Tokens by customer id. */
    tokens: Map<string, Entity[]>;
    payments: Map<string, Entity>;
  };
  /** Paths answered 503 while listed (a provider outage). */
  failing: Set<string>;
  /** What Razorpay Checkout's authorisation payment leaves behind: a card token on the customer. */
  authorise(customerId: string, card?: { last4: string; network: string }): string;
  /** The charges made with a saved card (Stripe PaymentIntents and Razorpay recurring payments). */
  savedCharges(): SeenVaultCall[];
  close(): Promise<void>;
}

const send = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const stripeError = (res: http.ServerResponse, status: number, type: string, message: string, extra = {}) =>
  send(res, status, { error: { type, message, ...extra } });
const rzpError = (res: http.ServerResponse, status: number, description: string) =>
  send(res, status, { error: { code: 'BAD_REQUEST_ERROR', description } });

export async function startCardVault(): Promise<CardVaultStandIn> {
  let n = 0;
  const next = (prefix: string) => `${prefix}_${++n}`;
  const state = {
    calls: [] as SeenVaultCall[],
    stripe: {
      customers: new Map(),
      setupIntents: new Map(),
      methods: new Map(),
      intents: [] as Entity[],
    } as CardVaultStandIn['stripe'],
    razorpay: {
      customers: new Map(),
      tokens: new Map(),
      payments: new Map(),
    } as CardVaultStandIn['razorpay'],
    failing: new Set<string>(),
  };
  const keys = new Map<string, Entity>(); // idempotency keys → the object first answered
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '', 'http://stand-in');
      const auth = req.headers.authorization ?? '';
      const provider = auth.startsWith('Bearer ') ? 'stripe' : 'razorpay';
      state.calls.push({ provider, method: req.method ?? '', path: url.pathname, body: raw });
      if (state.failing.has(url.pathname)) return stripeError(res, 503, 'api_error', 'Unavailable');
      const key = req.headers['idempotency-key'] ?? req.headers['x-idempotency-key'];
      const cacheKey = typeof key === 'string' ? `${provider}:${url.pathname}:${key}` : null;
      const known = cacheKey ? keys.get(cacheKey) : undefined;
      if (known) return send(res, 200, known);
      const remember = (status: number, body: Entity) => {
        if (cacheKey && status === 200) keys.set(cacheKey, body);
        send(res, status, body);
      };
      if (provider === 'stripe') stripe(state.stripe, next, req.method ?? '', url, raw, res, remember);
      else razorpay(state.razorpay, next, req.method ?? '', url, raw, res, remember);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    apiBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    authorise(customerId: string, card = { last4: '1111', network: 'Visa' }) {
      const token = {
        id: next('token'),
        entity: 'token',
        method: 'card',
        status: 'active',
        recurring: true,
        recurring_details: { status: 'confirmed', failure_reason: null },
        card: { entity: 'card', ...card, type: 'credit', expiry_month: 11, expiry_year: 2031 },
        created_at: Math.floor(Date.now() / 1000),
      };
      state.razorpay.tokens.set(customerId, [...(state.razorpay.tokens.get(customerId) ?? []), token]);
      return token.id;
    },
    savedCharges() {
      return state.calls.filter(
        (c) =>
          (c.path === '/v1/payment_intents' && new URLSearchParams(c.body).get('off_session') === 'true') ||
          c.path === '/v1/payments/create/recurring',
      );
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  });
}

type Remember = (status: number, body: Entity) => void;

function stripe(
  s: CardVaultStandIn['stripe'],
  next: (prefix: string) => string,
  method: string,
  url: URL,
  raw: string,
  res: http.ServerResponse,
  remember: Remember,
) {
  const form = new URLSearchParams(raw);
  const path = url.pathname;
  if (method === 'POST' && path === '/v1/customers') {
    const customer = {
      id: next('cus'),
      object: 'customer',
      name: form.get('name'),
      email: form.get('email'),
    };
    s.customers.set(customer.id, customer);
    return remember(200, customer);
  }
  if (method === 'POST' && path === '/v1/setup_intents') {
    const customer = form.get('customer') ?? '';
    if (!s.customers.has(customer)) return stripeError(res, 400, 'invalid_request_error', 'No such customer');
    const id = next('seti');
    const intent = {
      id,
      object: 'setup_intent',
      customer,
      usage: form.get('usage'),
      status: 'requires_payment_method',
      payment_method: null as string | null,
      client_secret: `${id}_secret_${n()}`,
    };
    s.setupIntents.set(id, intent);
    return remember(200, intent);
  }
  const setup = path.match(/^\/v1\/setup_intents\/([^/]+)(\/confirm)?$/);
  if (setup) return setupIntent(s, next, setup[1]!, Boolean(setup[2]), form, url, res, remember);
  const listing = path.match(/^\/v1\/customers\/([^/]+)\/payment_methods$/);
  if (method === 'GET' && listing) {
    const data = [...s.methods.values()].filter((m) => m.customer === listing[1]);
    return send(res, 200, { object: 'list', data, has_more: false, url: path });
  }
  const detach = path.match(/^\/v1\/payment_methods\/([^/]+)\/detach$/);
  if (method === 'POST' && detach) {
    const pm = s.methods.get(detach[1]!);
    if (!pm?.customer)
      return stripeError(
        res,
        400,
        'invalid_request_error',
        'The payment method is not attached to a customer.',
      );
    pm.customer = null;
    return send(res, 200, pm);
  }
  if (method === 'POST' && path === '/v1/payment_intents') return offSession(s, next, form, res, remember);
  return stripeError(res, 404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path})`);
}

const n = () => Math.random().toString(36).slice(2, 10);

function setupIntent(
  s: CardVaultStandIn['stripe'],
  next: (prefix: string) => string,
  id: string,
  confirm: boolean,
  form: URLSearchParams,
  url: URL,
  res: http.ServerResponse,
  remember: Remember,
) {
  const intent = s.setupIntents.get(id);
  if (!intent) return stripeError(res, 404, 'invalid_request_error', `No such setupintent: '${id}'`);
  if (confirm) {
    const test = form.get('payment_method') ?? '';
    const card = TEST_CARDS[test];
    if (!card) return stripeError(res, 400, 'invalid_request_error', 'No such PaymentMethod');
    const pm = {
      id: next('pm'),
      object: 'payment_method',
      type: 'card',
      customer: intent.customer as string,
      test,
      card: { brand: card.brand, last4: card.last4, exp_month: 12, exp_year: 2034 },
    };
    s.methods.set(pm.id, pm);
    Object.assign(intent, { status: 'succeeded', payment_method: pm.id });
    return remember(200, intent);
  }
  const expand = [...url.searchParams.entries()].some(
    ([k, v]) => k.startsWith('expand') && v === 'payment_method',
  );
  const pm = intent.payment_method ? s.methods.get(intent.payment_method as string) : null;
  return send(res, 200, { ...intent, payment_method: expand && pm ? pm : intent.payment_method });
}

/** A PaymentIntent confirmed at once, off-session when asked, with a customer's saved PaymentMethod. */
function offSession(
  s: CardVaultStandIn['stripe'],
  next: (prefix: string) => string,
  form: URLSearchParams,
  res: http.ServerResponse,
  remember: Remember,
) {
  const pm = s.methods.get(form.get('payment_method') ?? '');
  const customer = form.get('customer');
  if (!pm || !customer || pm.customer !== customer) {
    return stripeError(
      res,
      400,
      'invalid_request_error',
      'The provided PaymentMethod was previously used without being attached to a Customer or was detached from a Customer, and may not be used again.',
      { code: 'payment_method_unexpected_state' },
    );
  }
  const id = next('pi');
  if (pm.test === 'pm_card_chargeDeclined' || pm.test === 'pm_card_authenticationRequired') {
    const auth = pm.test === 'pm_card_authenticationRequired';
    return stripeError(
      res,
      402,
      'card_error',
      auth ? 'This payment requires authentication.' : 'Your card was declined.',
      {
        code: auth ? 'authentication_required' : 'card_declined',
        decline_code: auth ? 'authentication_required' : 'generic_decline',
        payment_intent: { id, object: 'payment_intent', status: 'requires_payment_method' },
      },
    );
  }
  const intent = {
    id,
    object: 'payment_intent',
    status: 'succeeded',
    amount: Number(form.get('amount')),
    amount_received: Number(form.get('amount')),
    currency: form.get('currency'),
    customer,
    payment_method: pm.id,
    metadata: { paymentId: form.get('metadata[paymentId]') },
    latest_charge: {
      id: next('ch'),
      object: 'charge',
      payment_method_details: { card: { last4: (pm.card as { last4: string }).last4, brand: 'visa' } },
    },
  };
  s.intents.push(intent);
  return remember(200, intent);
}

function razorpay(
  r: CardVaultStandIn['razorpay'],
  next: (prefix: string) => string,
  method: string,
  url: URL,
  raw: string,
  res: http.ServerResponse,
  remember: Remember,
) {
  const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const path = url.pathname;
  if (method === 'POST' && path === '/v1/customers') {
    const customer = {
      id: next('cust'),
      entity: 'customer',
      name: body.name,
      email: body.email,
      contact: body.contact ?? null,
    };
    r.customers.set(customer.id, customer);
    return remember(200, customer);
  }
  const customer = path.match(/^\/v1\/customers\/([^/]+)$/);
  if (method === 'GET' && customer) {
    const found = r.customers.get(customer[1]!);
    return found ? send(res, 200, found) : rzpError(res, 400, 'The id provided does not exist');
  }
  const tokens = path.match(/^\/v1\/customers\/([^/]+)\/tokens(?:\/([^/]+))?$/);
  if (tokens) return customerTokens(r, method, tokens[1]!, tokens[2], res);
  if (method === 'POST' && path === '/v1/orders') {
    const order = {
      id: next('order'),
      entity: 'order',
      amount: body.amount,
      currency: body.currency,
      status: 'created',
      customer_id: body.customer_id ?? null,
    };
    return remember(200, order);
  }
  if (method === 'POST' && path === '/v1/payments/create/recurring') return recurring(r, next, body, res);
  const payment = path.match(/^\/v1\/payments\/([^/]+)(\/capture)?$/);
  const found = payment ? r.payments.get(payment[1]!) : undefined;
  if (!found) return rzpError(res, 400, 'The id provided does not exist');
  if (method === 'POST' && payment?.[2]) found.status = 'captured';
  return send(res, 200, found);
}

function customerTokens(
  r: CardVaultStandIn['razorpay'],
  method: string,
  customerId: string,
  tokenId: string | undefined,
  res: http.ServerResponse,
) {
  if (!r.customers.has(customerId)) return rzpError(res, 400, 'The id provided does not exist');
  const list = r.tokens.get(customerId) ?? [];
  if (method === 'GET' && !tokenId)
    return send(res, 200, { entity: 'collection', count: list.length, items: list });
  if (method === 'DELETE' && tokenId) {
    if (!list.some((t) => t.id === tokenId)) return rzpError(res, 400, 'The id provided does not exist');
    r.tokens.set(
      customerId,
      list.filter((t) => t.id !== tokenId),
    );
    return send(res, 200, { deleted: true });
  }
  return rzpError(res, 400, 'The requested URL was not found on the server.');
}

/** A recurring payment with a customer's token: authorised at once (the order did not auto-capture). */
function recurring(
  r: CardVaultStandIn['razorpay'],
  next: (prefix: string) => string,
  body: Record<string, unknown>,
  res: http.ServerResponse,
) {
  for (const field of ['email', 'contact', 'amount', 'currency', 'order_id', 'customer_id', 'token'])
    if (body[field] === undefined || body[field] === null)
      return rzpError(res, 400, `The ${field} field is required.`);
  const token = (r.tokens.get(String(body.customer_id)) ?? []).find((t) => t.id === body.token);
  if (!token) return rzpError(res, 400, 'The token id provided does not exist');
  const card = token.card as { last4: string; network: string };
  const payment = {
    id: next('pay'),
    entity: 'payment',
    amount: body.amount,
    currency: body.currency,
    status: 'authorized',
    order_id: body.order_id,
    customer_id: body.customer_id,
    token_id: token.id,
    method: 'card',
    card: { last4: card.last4, network: card.network },
    recurring: true,
  };
  r.payments.set(payment.id, payment);
  return send(res, 200, {
    razorpay_payment_id: payment.id,
    razorpay_order_id: body.order_id,
    razorpay_signature: 'signed',
  });
}

/**
 * A saved Stripe card of `user` written straight to the tables (for suites with no stand-in to set
 * one up through, such as the authorization matrix); its tokens are made up.
 */
export async function insertSavedCard(
  db: Db,
  user: { id: string; storeId: string },
  isDefault = false,
): Promise<string> {
  const customer = `cus_kit_${user.id.slice(-12)}`;
  await db
    .insertInto('payment_customers')
    .values({ store_id: user.storeId, user_id: user.id, provider: 'stripe', provider_customer_id: customer })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const id = newId();
  await db
    .insertInto('saved_payment_methods')
    .values({
      id,
      store_id: user.storeId,
      user_id: user.id,
      provider: 'stripe',
      provider_customer_id: customer,
      provider_method_id: `pm_kit_${id.slice(-12)}`,
      brand: 'visa',
      last4: '4242',
      exp_month: 12,
      exp_year: 2034,
      is_default: isDefault,
    })
    .execute();
  return id;
}
