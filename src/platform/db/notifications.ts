import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Channels every process listens on: new jobs (migration 004's trigger) and cache invalidations. */
export const CHANNELS = { jobs: 'bazaar_jobs', invalidate: 'bazaar_invalidate' } as const;
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
const LISTEN_ALL = Object.values(CHANNELS)
  .map((c) => `LISTEN ${c};`)
  .join('');

/**
 * PostgreSQL's LISTEN/NOTIFY as the processes sharing a database hear it. A payload starts with
 * the schema it concerns (`schema` or `schema\tmessage`), so servers in other schemas of the same
 * database (tests, several installations) ignore it; handlers get the message after the tab.
 */
export interface Notifications {
  /** Calls `handler` with every message on `channel` for this schema, this process's own included. */
  on(channel: Channel, handler: (message: string) => void): () => void;
  /**
   * Calls `handler` each time listening starts: first, and again after the connection was lost.
   * Whatever was sent before was missed, so what depends on it must be read again.
   */
  onListening(handler: () => void): () => void;
  /** Sends `message` on `channel` now, outside any transaction (on PGlite: to this process alone). */
  send(channel: Channel, message: string): void;
  close(): Promise<void>;
}

type Handlers = Map<string, Set<(message: string) => void>>;

function dispatcher(schema: string, handlers: Handlers) {
  return (channel: string, payload: string) => {
    const tab = payload.indexOf('\t');
    const target = tab < 0 ? payload : payload.slice(0, tab);
    if (target !== schema) return;
    const message = tab < 0 ? '' : payload.slice(tab + 1);
    for (const handler of handlers.get(channel) ?? []) {
      try {
        handler(message);
      } catch {
        // one listener's failure is its own; the others still hear the message
      }
    }
  };
}

function subscribe<T>(set: Set<T>, item: T): () => void {
  set.add(item);
  return () => set.delete(item);
}

/** The PGlite instances that LISTEN already (one session each, shared by every pool over it). */
const listening = new WeakMap<PGlite, Promise<void>>();

/**
 * Notifications of the embedded database: the trigger's NOTIFY reaches the instance's own session
 * once the transaction commits. There is no other process to tell, so `send` stays in-process.
 */
export function pgliteNotifications(pglite: PGlite, schema: string): Notifications {
  const handlers: Handlers = new Map();
  const started = new Set<() => void>();
  const dispatch = dispatcher(schema, handlers);
  let stop: (() => void) | null = null;
  return {
    on(channel, handler) {
      if (!stop) {
        stop = pglite.onNotification(dispatch);
        if (!listening.has(pglite))
          listening.set(
            pglite,
            pglite.exec(LISTEN_ALL).then(() => undefined),
          );
        void listening.get(pglite)!.then(() => {
          for (const h of started) h();
        });
      }
      if (!handlers.has(channel)) handlers.set(channel, new Set());
      return subscribe(handlers.get(channel)!, handler);
    },
    onListening: (handler) => subscribe(started, handler),
    send(channel, message) {
      queueMicrotask(() => dispatch(channel, `${schema}\t${message}`));
    },
    async close() {
      stop?.();
      stop = null;
    },
  };
}

/** A connection of its own that LISTENs on every channel; `onEnd` when it is lost. */
async function listeningClient(
  url: string,
  dispatch: (channel: string, payload: string) => void,
  onEnd: () => void,
): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('notification', (m) => dispatch(m.channel, m.payload ?? ''));
  client.on('error', () => {
    // followed by 'end'
  });
  client.on('end', onEnd);
  await client.connect();
  await client.query(LISTEN_ALL);
  return client;
}

/** `pg_notify` on a connection one query at a time: each send waits for the one before, in order. */
function serialNotify(schema: string) {
  let sending: Promise<unknown> = Promise.resolve();
  return (client: pg.Client, channel: string, message: string) => {
    sending = sending
      .then(() => client.query('SELECT pg_notify($1, $2)', [channel, `${schema}\t${message}`]))
      .catch(() => undefined);
  };
}

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

/**
 * Notifications of a PostgreSQL server, on one connection of their own outside the pool (opened at
 * the first `on`, so commands that never listen never open it). It reconnects after a loss with
 * backoff and then tells `onListening` handlers. Messages sent while it is down are dropped: a
 * listener that missed them hears `onListening` instead.
 */
export function postgresNotifications(url: string, schema: string): Notifications {
  const handlers: Handlers = new Map();
  const resumed = new Set<() => void>();
  const dispatch = dispatcher(schema, handlers);
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let delay = RECONNECT_MIN_MS;
  let timer: NodeJS.Timeout | null = null;
  const notify = serialNotify(schema);

  const connect = async () => {
    const next: pg.Client = await listeningClient(url, dispatch, () => {
      if (client === next) client = null;
      if (!closed) retry();
    });
    if (closed) return void next.end().catch(() => undefined);
    client = next;
    delay = RECONNECT_MIN_MS;
    for (const handler of resumed) handler();
  };
  const start = () => {
    if (client || connecting || closed) return;
    connecting = connect()
      .catch(() => retry())
      .finally(() => {
        connecting = null;
      });
  };
  const retry = () => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      start();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  };

  return {
    on(channel, handler) {
      start();
      if (!handlers.has(channel)) handlers.set(channel, new Set());
      return subscribe(handlers.get(channel)!, handler);
    },
    onListening: (handler) => subscribe(resumed, handler),
    send(channel, message) {
      if (client) notify(client, channel, message);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await connecting;
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}
