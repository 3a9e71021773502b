// Which requests read from a replica, and read-your-writes (decision 038). With DATABASE_READ_URL
// set, a GET or HEAD request's lag-tolerant reads (`readDb(ctx)`: the catalog's public reads, the
// dashboards) go to a replica, unless its principal wrote within DATABASE_READ_STICKY_MS: then they
// go to the primary, past the process caches, as every read of a write request does.
//
// "Wrote" is any request other than GET, HEAD or OPTIONS answered below 400. It is remembered two
// ways: a short-lived cookie in the response (browsers, signed in or guests, whichever process
// serves them next), and, for a signed-in user, this process's bounded memory, told to every other
// process over LISTEN/NOTIFY (bearer-token clients, which keep no cookies).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/database.ts';
import { type Invalidations, TOPICS } from '../db/invalidations.ts';
import type { ZodApp } from './app.ts';

export const FRESH_COOKIE = 'bazaar_fresh';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Signed-in users who wrote lately, as this process heard of it (its own writes and the others'). */
export class RecentWriters {
  private readonly until: LRUCache<string, number>;
  /** After missed messages (the listening connection was lost), everyone counts as a writer. */
  private everyoneUntil = 0;
  private listened = false;

  constructor(
    windowMs: number,
    private readonly invalidations: Invalidations,
    max = 100_000,
  ) {
    this.until = new LRUCache({ max });
    invalidations.on(TOPICS.writers, {
      key: (userId) => this.until.set(userId, Date.now() + windowMs),
      // the first call is the start of listening: nothing was missed that this process held
      all: () => {
        if (this.listened) this.everyoneUntil = Date.now() + windowMs;
        this.listened = true;
      },
    });
  }

  /** The user wrote: here at once, in the other processes as soon as the NOTIFY reaches them. */
  wrote(userId: string): void {
    this.invalidations.publish(TOPICS.writers, userId);
  }

  recent(userId: string | undefined): boolean {
    const now = Date.now();
    if (now < this.everyoneUntil) return true;
    const until = userId === undefined ? undefined : this.until.get(userId);
    return until !== undefined && until > now;
  }
}

/** Whether the request carries an unexpired write cookie (a value beyond the window is ignored). */
export function hasFreshCookie(
  cookieHeader: string | undefined,
  windowMs: number,
  now = Date.now(),
): boolean {
  if (!cookieHeader) return false;
  for (const part of cookieHeader.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name !== FRESH_COOKIE || !value || !/^\d{1,15}$/.test(value)) continue;
    const until = Number(value);
    if (until > now && until <= now + windowMs + 1000) return true;
  }
  return false;
}

export interface ReadRoutingOptions {
  windowMs: number;
  writers: RecentWriters;
  /** The database's store-bound read handle (a replica's when one serves). */
  forStoreReads: (storeId: string) => Db;
}

/**
 * Registers the two hooks on the API scope, after authentication (the actor is known) and store
 * resolution: one routes each request's reads, one remembers each successful write.
 */
export function readRouting(api: ZodApp, options: ReadRoutingOptions): void {
  const { windowMs, writers } = options;
  api.addHook('onRequest', async (req) => {
    if (req.routeOptions.config.acrossStores) return;
    const safe = req.method === 'GET' || req.method === 'HEAD';
    if (!safe || hasFreshCookie(req.headers.cookie, windowMs) || writers.recent(req.ctx.actor?.userId)) {
      req.ctx.fresh = true;
      return;
    }
    req.ctx.read = options.forStoreReads(req.ctx.storeId);
  });
  api.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (SAFE.has(req.method) || reply.statusCode >= 400) return payload;
    if (req.ctx.actor) writers.wrote(req.ctx.actor.userId);
    const until = Date.now() + windowMs;
    const secure = req.protocol === 'https' ? '; Secure' : '';
    reply.header(
      'set-cookie',
      `${FRESH_COOKIE}=${until}; Max-Age=${Math.ceil(windowMs / 1000)}; Path=/; HttpOnly; SameSite=Lax${secure}`,
    );
    return payload;
  });
}
