import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for PayPal's REST API on loopback, answering as PayPal documents it: OAuth2 client
 * credentials, Orders v2 (create, get, capture), capture refunds, and webhook signature
 * verification. `PayPal-Request-Id` makes a repeated request answer the first one. The approve link
 * (`/checkoutnow?token=…`) approves the order and sends the browser to the order's return URL, as
 * PayPal does after the buyer pays.
 */
export interface PayPalStandIn {
  url: string;
  clientId: string;
  clientSecret: string;
  webhookId: string;
  calls: { method: string; path: string; headers: http.IncomingHttpHeaders; body: string }[];
  orders: Map<string, PayPalOrder>;
  /** Approves an order as the buyer would at PayPal. */
  approve(orderId: string): void;
  /** The next `count` requests to paths starting with `prefix`: 500 unprocessed, or done and the answer dropped. */
  fail(prefix: string, mode: 500 | 'drop', count?: number): void;
  /** Refunds answer PENDING (and complete when asked for by id after `settleRefunds`), or COMPLETED. */
  refundMode: { pending: boolean };
  settleRefunds(): void;
  /** Headers PayPal would send with `body`; a changed body or signature fails verification. */
  signatureHeaders(body: string): Record<string, string>;
  close(): Promise<void>;
}

export interface PayPalOrder {
  id: string;
  status: string;
  intent: string;
  purchase_units: Record<string, unknown>[];
  links: { href: string; rel: string; method: string }[];
  returnUrl?: string;
  [key: string]: unknown;
}

type Res = http.ServerResponse;
const SIGNING_KEY = 'paypal-stand-in-signing-key';

export async function startPayPal(): Promise<PayPalStandIn> {
  const stand = new StandIn();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => stand.handle(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stand.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get url() {
      return stand.url;
    },
    clientId: stand.clientId,
    clientSecret: stand.clientSecret,
    webhookId: stand.webhookId,
    calls: stand.calls,
    orders: stand.orders,
    approve: (id) => stand.approve(id),
    fail: (prefix, mode, count = 1) => stand.faults.push({ prefix, mode, count }),
    refundMode: stand.refundMode,
    settleRefunds: () => {
      for (const r of stand.refunds.values()) if (r.status === 'PENDING') r.status = 'COMPLETED';
    },
    signatureHeaders: (raw) => stand.sign(raw),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

class StandIn {
  url = '';
  readonly clientId = 'paypal-client';
  readonly clientSecret = 'paypal-secret';
  readonly webhookId = 'WH1STANDIN';
  readonly calls: PayPalStandIn['calls'] = [];
  readonly orders = new Map<string, PayPalOrder>();
  readonly captures = new Map<string, Record<string, unknown>>();
  readonly refunds = new Map<string, Record<string, unknown>>();
  readonly faults: { prefix: string; mode: 500 | 'drop'; count: number }[] = [];
  readonly refundMode = { pending: false };
  /** What has been refunded of each capture, in thousandths. */
  private readonly refunded = new Map<string, number>();
  /** Answers by PayPal-Request-Id (and path), so a retried request gets the first answer. */
  private readonly answered = new Map<string, { status: number; body: unknown }>();
  private readonly tokens = new Set<string>();
  private n = 0;

  private id(prefix: string) {
    return `${prefix}${String(++this.n).padStart(6, '0')}${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
  }

  handle(req: http.IncomingMessage, body: string, res: Res) {
    const url = new URL(req.url ?? '', this.url);
    this.calls.push({ method: req.method ?? '', path: url.pathname, headers: req.headers, body });
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/checkoutnow') return this.approvePage(url, res);
    const fault = this.faults.find((f) => url.pathname.startsWith(f.prefix) && f.count > 0);
    if (fault) fault.count--;
    if (fault?.mode === 500)
      return send(res, 500, { name: 'INTERNAL_SERVER_ERROR', message: 'An internal server error occurred.' });
    const answer = this.answer(req, url, body);
    if (fault?.mode === 'drop') return req.socket.destroy();
    return send(res, answer.status, answer.body);
  }

  private answer(req: http.IncomingMessage, url: URL, body: string): { status: number; body: unknown } {
    if (url.pathname === '/v1/oauth2/token') return this.token(req, body);
    if (!this.tokens.has(String(req.headers.authorization ?? '').replace(/^Bearer /, '')))
      return {
        status: 401,
        body: { error: 'invalid_token', error_description: 'Token signature verification failed' },
      };
    const requestId = req.headers['paypal-request-id'];
    const key = typeof requestId === 'string' ? `${url.pathname}#${requestId}` : null;
    const known = key ? this.answered.get(key) : undefined;
    if (known) return known;
    const answer = this.route(req.method ?? 'GET', url.pathname, body ? JSON.parse(body) : {});
    if (key && answer.status < 500) this.answered.set(key, answer);
    return answer;
  }

  private route(
    method: string,
    path: string,
    body: Record<string, unknown>,
  ): { status: number; body: unknown } {
    if (method === 'POST' && path === '/v2/checkout/orders') return this.createOrder(body);
    if (method === 'POST' && path === '/v1/notifications/verify-webhook-signature') return this.verify(body);
    let m = /^\/v2\/checkout\/orders\/([^/]+)(\/capture)?$/.exec(path);
    if (m) return m[2] ? this.capture(m[1]!) : this.found(this.orders.get(m[1]!));
    m = /^\/v2\/payments\/captures\/([^/]+)\/refund$/.exec(path);
    if (m && method === 'POST') return this.refund(m[1]!, body);
    m = /^\/v2\/payments\/refunds\/([^/]+)$/.exec(path);
    if (m) return this.found(this.refunds.get(m[1]!));
    return notFound();
  }

  private token(req: http.IncomingMessage, body: string) {
    const basic = Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64');
    if (req.headers.authorization !== `Basic ${basic}` || !body.includes('grant_type=client_credentials'))
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Client Authentication failed' },
      };
    const token = `A21AA${crypto.randomBytes(12).toString('hex')}`;
    this.tokens.add(token);
    return {
      status: 200,
      body: {
        scope: 'https://uri.paypal.com/services/payments/payment',
        access_token: token,
        token_type: 'Bearer',
        app_id: 'APP-STANDIN',
        expires_in: 32400,
        nonce: 'n',
      },
    };
  }

  private createOrder(body: Record<string, unknown>) {
    const units = body.purchase_units as
      | { amount?: { currency_code?: string; value?: string } }[]
      | undefined;
    if (
      body.intent !== 'CAPTURE' ||
      !units?.[0]?.amount?.value ||
      !/^\d+(\.\d+)?$/.test(units[0].amount.value)
    )
      return unprocessable('INVALID_PARAMETER_VALUE', 'The value of a field is invalid.');
    const id = this.id('5O');
    const context = (body.payment_source as { paypal?: { experience_context?: { return_url?: string } } })
      ?.paypal?.experience_context;
    const order: PayPalOrder = {
      id,
      intent: 'CAPTURE',
      status: context ? 'PAYER_ACTION_REQUIRED' : 'CREATED',
      purchase_units: units.map((u) => ({ ...u })),
      create_time: new Date().toISOString(),
      links: [
        { href: `${this.url}/v2/checkout/orders/${id}`, rel: 'self', method: 'GET' },
        {
          href: `${this.url}/checkoutnow?token=${id}`,
          rel: context ? 'payer-action' : 'approve',
          method: 'GET',
        },
      ],
      ...(context?.return_url ? { returnUrl: context.return_url } : {}),
    };
    this.orders.set(id, order);
    return { status: 200, body: present(order) };
  }

  approve(orderId: string) {
    const order = this.orders.get(orderId);
    if (order && order.status !== 'COMPLETED') {
      order.status = 'APPROVED';
      order.payer = { payer_id: 'PAYERSTANDIN1', email_address: 'buyer@example.com' };
    }
  }

  /** What the buyer's browser sees at the approve link: the order approved, then back to the store. */
  private approvePage(url: URL, res: Res) {
    const order = this.orders.get(url.searchParams.get('token') ?? '');
    if (!order?.returnUrl) return send(res, 404, { name: 'RESOURCE_NOT_FOUND' });
    this.approve(order.id);
    const back = new URL(order.returnUrl);
    back.searchParams.set('token', order.id);
    back.searchParams.set('PayerID', 'PAYERSTANDIN1');
    res.statusCode = 302;
    res.setHeader('location', back.toString());
    res.end();
  }

  private capture(orderId: string) {
    const order = this.orders.get(orderId);
    if (!order) return notFound();
    if (order.status === 'COMPLETED')
      return unprocessable('ORDER_ALREADY_CAPTURED', 'Order already captured.');
    if (order.status !== 'APPROVED')
      return unprocessable('ORDER_NOT_APPROVED', 'Payer has not yet approved the Order for payment.');
    const unit = order.purchase_units[0] as {
      amount: { currency_code: string; value: string };
      custom_id?: string;
    };
    const capture = {
      id: this.id('3C'),
      status: 'COMPLETED',
      amount: unit.amount,
      final_capture: true,
      custom_id: unit.custom_id,
      seller_receivable_breakdown: {
        gross_amount: unit.amount,
        paypal_fee: {
          currency_code: unit.amount.currency_code,
          value: unit.amount.value.includes('.') ? '0.30' : '30',
        },
      },
      supplementary_data: { related_ids: { order_id: order.id } },
    };
    this.captures.set(capture.id, capture);
    order.status = 'COMPLETED';
    order.purchase_units = [{ ...unit, payments: { captures: [capture] } }];
    return { status: 201, body: present(order) };
  }

  private refund(captureId: string, body: Record<string, unknown>) {
    const capture = this.captures.get(captureId);
    if (!capture) return notFound();
    const amount = (body.amount ?? capture.amount) as { value: string; currency_code: string };
    const cents = (v: string) => Math.round(Number(v) * 1000);
    const left = cents((capture.amount as { value: string }).value) - (this.refunded.get(captureId) ?? 0);
    if (cents(amount.value) > left)
      return unprocessable(
        'REFUND_AMOUNT_EXCEEDED',
        'The refund amount must be less than or equal to the capture amount that has not yet been refunded.',
      );
    this.refunded.set(captureId, (this.refunded.get(captureId) ?? 0) + cents(amount.value));
    const refund = {
      id: this.id('1R'),
      status: this.refundMode.pending ? 'PENDING' : 'COMPLETED',
      amount,
      custom_id: body.custom_id,
      links: [{ href: `${this.url}/v2/payments/captures/${captureId}`, rel: 'up', method: 'GET' }],
    };
    this.refunds.set(refund.id, refund);
    return { status: 201, body: refund };
  }

  sign(raw: string): Record<string, string> {
    const id = crypto.randomUUID();
    const time = new Date().toISOString();
    return {
      'paypal-transmission-id': id,
      'paypal-transmission-time': time,
      'paypal-cert-url': `${this.url}/v1/notifications/certs/CERT-STANDIN`,
      'paypal-auth-algo': 'SHA256withRSA',
      'paypal-transmission-sig': this.signature(id, time, this.webhookId, JSON.parse(raw)),
    };
  }

  /** Stands for PayPal's RSA signature over `transmission_id|time|webhook_id|crc32(body)`. */
  private signature(id: string, time: string, webhookId: string, event: unknown) {
    const digest = crypto.createHash('sha256').update(JSON.stringify(event)).digest('hex');
    return crypto
      .createHmac('sha256', SIGNING_KEY)
      .update(`${id}|${time}|${webhookId}|${digest}`)
      .digest('base64');
  }

  private verify(body: Record<string, unknown>) {
    const expected = this.signature(
      String(body.transmission_id),
      String(body.transmission_time),
      String(body.webhook_id),
      body.webhook_event,
    );
    const ok = body.webhook_id === this.webhookId && body.transmission_sig === expected;
    return { status: 200, body: { verification_status: ok ? 'SUCCESS' : 'FAILURE' } };
  }

  private found(item: unknown) {
    return item ? { status: 200, body: present(item as Record<string, unknown>) } : notFound();
  }
}

/** The resource as PayPal shows it (without the stand-in's own bookkeeping). */
function present(item: Record<string, unknown>) {
  const { returnUrl: _r, ...shown } = item;
  return structuredClone(shown);
}

function send(res: Res, status: number, body: unknown) {
  res.statusCode = status;
  res.end(JSON.stringify(body));
}

function notFound() {
  return {
    status: 404,
    body: {
      name: 'RESOURCE_NOT_FOUND',
      message: 'The specified resource does not exist.',
      details: [{ issue: 'INVALID_RESOURCE_ID' }],
    },
  };
}

function unprocessable(issue: string, description: string) {
  return {
    status: 422,
    body: {
      name: 'UNPROCESSABLE_ENTITY',
      message:
        'The requested action could not be performed, semantically incorrect, or failed business validation.',
      details: [{ issue, description }],
    },
  };
}
