import { newId } from '../ids.ts';
import { CHANNELS, type Notifications } from './notifications.ts';

/** Topics of what processes cache: a key of each names what a write made stale. */
export const TOPICS = {
  /** A store's catalog reads (key: the store id). */
  catalog: 'catalog',
  /** The store directory: domains, status, settings, currency (key: the store id, or `*`). */
  stores: 'stores',
  /** A store's notification templates: which version is current (key: the store id). */
  notificationTemplates: 'notification-templates',
  /** A store's tax rules and shipping methods, as checkout prices with them (key: the store id). */
  pricing: 'pricing',
  /** A store's terms: which versions are current and from which one acceptance is asked (key: the store id). */
  terms: 'terms',
  /** A store's analytics rollups were written (key: `sales:<store id>` or `events:<store id>`). */
  analytics: 'analytics',
  /** A principal wrote: their reads stay on the primary for a while (key: the user id; decision 038). */
  writers: 'writers',
} as const;
export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export interface Forgetter {
  /** Forget what is held under `key`. */
  key(key: string): void;
  /** Forget everything: messages may have been missed (the listening connection was lost). */
  all(): void;
}

/** NOTIFY payloads stay under PostgreSQL's 8000-byte limit. */
const MAX_PAYLOAD = 7000;

/**
 * Keeps the caches of every process on one database coherent. A write calls `publish(topic, key)`:
 * this process's forgetters run at once, and the others' as soon as a NOTIFY reaches them (sent
 * after the current turn of the event loop, so a burst of writes sends one message, on the
 * listening connection, never inside a request's transaction). Each cache still expires entries by
 * TTL; this only makes other processes' writes visible well before it. On PGlite there is one
 * process, and the message stays in it.
 */
export class Invalidations {
  private readonly origin = newId();
  private readonly forgetters = new Map<string, Set<Forgetter>>();
  private readonly outgoing = new Set<string>();
  private flushing = false;

  constructor(private readonly notifications: Notifications) {
    notifications.on(CHANNELS.invalidate, (message) => this.receive(message));
    notifications.onListening(() => {
      for (const set of this.forgetters.values()) for (const f of set) f.all();
    });
  }

  on(topic: Topic, forgetter: Forgetter): () => void {
    if (!this.forgetters.has(topic)) this.forgetters.set(topic, new Set());
    const set = this.forgetters.get(topic)!;
    set.add(forgetter);
    return () => set.delete(forgetter);
  }

  /** `key` of `topic` changed: forget it here now, and in the other processes right after. */
  publish(topic: Topic, key: string): void {
    if (key.includes('\n') || key.includes(' ')) throw new Error(`Not a cache key: ${JSON.stringify(key)}`);
    this.deliver(topic, key);
    this.outgoing.add(`${topic} ${key}`);
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushing = false;
    let payload = this.origin;
    for (const line of this.outgoing) {
      if (payload.length + line.length + 1 > MAX_PAYLOAD) {
        this.notifications.send(CHANNELS.invalidate, payload);
        payload = this.origin;
      }
      payload += `\n${line}`;
    }
    this.outgoing.clear();
    if (payload !== this.origin) this.notifications.send(CHANNELS.invalidate, payload);
  }

  private receive(message: string): void {
    const [origin, ...lines] = message.split('\n');
    if (origin === this.origin) return; // delivered here when published
    for (const line of lines) {
      const space = line.indexOf(' ');
      if (space > 0) this.deliver(line.slice(0, space), line.slice(space + 1));
    }
  }

  private deliver(topic: string, key: string): void {
    for (const f of this.forgetters.get(topic) ?? []) f.key(key);
  }
}
