// Storefront events taken from the API's answers without slowing them: after a product page, a
// search, a cart add or a checkout has been answered, what it showed is queued in memory, and each
// process writes its queue every ANALYTICS_FLUSH_MS (or at ANALYTICS_BATCH_ROWS events) as one
// multi-row INSERT. Bots (by user agent) are not counted.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { systemCtx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import type { Logger } from '../../platform/observability/logger.ts';
import { dayIn } from './analytics.days.ts';
import { type EventKind, type EventRow, writeEvents } from './analytics.events.repository.ts';
import type { AnalyticsPorts } from './analytics.ports.ts';

/** Crawlers, link previews, monitors and scripts: their requests are not shoppers'. */
const BOTS =
  /bot\b|bot\/|crawl|spider|slurp|mediapartners|facebookexternalhit|embedly|preview|monitor|pingdom|headless|lighthouse|curl\/|wget\/|python-requests|python-urllib|go-http-client|java\/|okhttp|axios\/|node-fetch|libwww|scrapy|httpclient/i;

export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || BOTS.test(userAgent);
}

/** A time zone per store, read at most once a minute per process. */
const ZONE_TTL_MS = 60_000;

export interface RecorderOptions {
  db: Db;
  log: Logger;
  ports: AnalyticsPorts;
  flushMs: number;
  batchRows: number;
  /** The stores whose event rollups a batch wrote, once it is committed. */
  written?: (storeIds: string[]) => void;
}

type Pending = Omit<EventRow, 'id' | 'day'>;

export class EventRecorder {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly zones = new Map<string, { zone: string; until: number }>();

  constructor(private readonly options: RecorderOptions) {}

  record(event: Pending): void {
    this.queue.push(event);
    if (this.queue.length >= this.options.batchRows) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.flushMs);
      this.timer.unref();
    }
  }

  /** Writes what is queued (one transaction); resolves once it and any flush before it are done. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    this.queue = [];
    this.flushing = this.flushing.then(() => this.write(batch));
    return this.flushing;
  }

  private async write(batch: Pending[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      const rows: EventRow[] = [];
      for (const e of batch)
        rows.push({ ...e, id: newId(), day: dayIn(e.occurredAt, await this.zoneOf(e.storeId)) });
      await writeEvents(this.options.db, rows);
      this.options.written?.([...new Set(rows.map((r) => r.storeId))]);
    } catch (error) {
      // counts are worth less than the requests they describe: a failed batch is dropped, logged
      this.options.log.error({ err: error, events: batch.length }, 'analytics events not written');
    }
  }

  private async zoneOf(storeId: string): Promise<string> {
    const cached = this.zones.get(storeId);
    if (cached && cached.until > Date.now()) return cached.zone;
    const ctx = systemCtx(this.options.db, storeId, this.options.log, { reason: 'analytics.events' });
    const zone = await this.options.ports.timeZone(ctx);
    this.zones.set(storeId, { zone, until: Date.now() + ZONE_TTL_MS });
    return zone;
  }
}

type Capture = (req: FastifyRequest, payload: unknown) => Omit<Pending, 'storeId' | 'occurredAt'> | null;

const event = (kind: EventKind, fields: Partial<Pending> = {}) => ({
  kind,
  productId: null,
  categoryId: null,
  sellerId: null,
  query: null,
  results: null,
  ...fields,
});

const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v);

/** What each captured call's successful answer says happened, by route. */
const CAPTURES: Record<string, Capture> = {
  'GET /api/v1/products/:idOrSlug': (_req, body) => {
    const p = body as { id?: string; category?: { id?: string } | null; createdBy?: string };
    if (!isUuid(p.id)) return null;
    const categoryId = p.category?.id;
    return event('view', {
      productId: p.id,
      categoryId: isUuid(categoryId) ? categoryId : null,
      sellerId: isUuid(p.createdBy) ? p.createdBy : null,
    });
  },
  'GET /api/v1/products': (req, body) => {
    const query = req.query as { q?: string; cursor?: string };
    // a search is its first page; the next pages are the same search read further
    if (!query.q || query.cursor) return null;
    const list = body as { items?: unknown[] };
    return event('search', {
      query: query.q.trim().toLowerCase().slice(0, 200),
      results: list.items?.length ?? 0,
    });
  },
  'POST /api/v1/carts/:id/items': (req, body) => {
    const offerId = (req.body as { offerId?: string } | undefined)?.offerId;
    const lines = (
      body as { items?: Array<{ offerId?: string; productId?: string | null; sellerId?: string | null }> }
    ).items;
    const line = lines?.find((l) => l.offerId === offerId);
    if (!line) return null;
    return event('cart_add', {
      productId: isUuid(line.productId) ? line.productId : null,
      sellerId: isUuid(line.sellerId) ? line.sellerId : null,
    });
  },
};

/** Checkout: every request starts one; an order placed (201) completes it. */
const CHECKOUT = 'POST /api/v1/carts/:id/checkout';

/**
 * Hooks on every API route: the answer's body is kept (by reference) when it is sent, and read
 * after the response has gone, so the request pays for nothing but a route-table lookup.
 */
export function captureHooks(recorder: EventRecorder) {
  return (app: ZodApp) => {
    app.addHook('onSend', async (req: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
      if (CAPTURES[`${req.method} ${req.routeOptions.url}`]) (req as Captured).answered = payload;
      return payload;
    });
    app.addHook('onResponse', (req, reply, done) => {
      done();
      if (!req.ctx?.storeId || isBot(req.headers['user-agent'])) return;
      const route = `${req.method} ${req.routeOptions.url}`;
      const at = { storeId: req.ctx.storeId, occurredAt: new Date() };
      if (route === CHECKOUT) {
        recorder.record({ ...at, ...event('checkout_started') });
        if (reply.statusCode === 201) recorder.record({ ...at, ...event('checkout_completed') });
        return;
      }
      const capture = CAPTURES[route];
      const answered = (req as Captured).answered;
      if (!capture || reply.statusCode >= 300 || typeof answered !== 'string') return;
      try {
        const happened = capture(req, JSON.parse(answered));
        if (happened) recorder.record({ ...at, ...happened });
      } catch {
        // an answer that is not the JSON expected records nothing
      }
    });
  };
}

interface Captured {
  answered?: unknown;
}
