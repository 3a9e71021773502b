import { describe, expect, it } from 'vitest';
import { Invalidations } from '../../platform/db/invalidations.ts';
import { CHANNELS, type Channel, type Notifications } from '../../platform/db/notifications.ts';
import { AnswerCache } from './analytics.cache.ts';

// The dashboards' answer cache on its own: versions, shared loads, and other processes' writes.

/** Notifications between the processes of one test: what one sends, the others receive. */
function bus() {
  const handlers: Array<(message: string) => void> = [];
  return (): Notifications => ({
    on(channel: Channel, handler: (message: string) => void) {
      if (channel === CHANNELS.invalidate) handlers.push(handler);
      return () => {};
    },
    onListening: () => () => {},
    send: (_channel: Channel, message: string) => {
      for (const h of handlers) h(message);
    },
    close: async () => {},
  });
}

const STORE = '01900000-0000-7000-8000-0000000000aa';
const OTHER = '01900000-0000-7000-8000-0000000000bb';
const tick = () => new Promise((resolve) => setImmediate(resolve));

function counter() {
  let loads = 0;
  return {
    load: async () => ++loads,
    get loads() {
      return loads;
    },
  };
}

describe('the dashboards answer cache', () => {
  it('answers a repeated call from memory, and concurrent callers share one read', async () => {
    const cache = new AnswerCache({ enabled: true });
    const reads = counter();
    const [a, b] = await Promise.all([
      cache.get(STORE, 'sales', 'k', reads.load),
      cache.get(STORE, 'sales', 'k', reads.load),
    ]);
    expect([a, b, await cache.get(STORE, 'sales', 'k', reads.load)]).toEqual([1, 1, 1]);
    expect(reads.loads).toBe(1);
  });

  it("reads again after the store's rollups of that family change, and only that store's", async () => {
    const cache = new AnswerCache({ enabled: true });
    const reads = counter();
    await cache.get(STORE, 'sales', 'k', reads.load);
    await cache.get(STORE, 'events', 'k', reads.load);
    await cache.get(OTHER, 'sales', 'k', reads.load);
    cache.changed(STORE, 'sales');
    expect(await cache.get(STORE, 'sales', 'k', reads.load)).toBe(4);
    expect(await cache.get(STORE, 'events', 'k', reads.load)).toBe(2);
    expect(await cache.get(OTHER, 'sales', 'k', reads.load)).toBe(3);
  });

  it('never serves an answer read across a write once the write is announced', async () => {
    const cache = new AnswerCache({ enabled: true });
    let release: (v: string) => void = () => {};
    const slow = cache.get(STORE, 'sales', 'k', () => new Promise<string>((r) => (release = r)));
    cache.changed(STORE, 'sales');
    release('before the write');
    expect(await slow).toBe('before the write');
    expect(await cache.get(STORE, 'sales', 'k', async () => 'after the write')).toBe('after the write');
  });

  it('keeps no failed read, and reads every time when off', async () => {
    const cache = new AnswerCache({ enabled: true });
    await expect(cache.get(STORE, 'sales', 'k', () => Promise.reject(new Error('down')))).rejects.toThrow();
    expect(await cache.get(STORE, 'sales', 'k', async () => 'ok')).toBe('ok');
    const off = new AnswerCache({ enabled: false });
    const reads = counter();
    await off.get(STORE, 'sales', 'k', reads.load);
    await off.get(STORE, 'sales', 'k', reads.load);
    expect(reads.loads).toBe(2);
    expect(off.size).toBe(0);
  });

  it("drops a store's answers in every process when one of them writes its rollups", async () => {
    const connect = bus();
    const here = new AnswerCache({ enabled: true, invalidations: new Invalidations(connect()) });
    const there = new AnswerCache({ enabled: true, invalidations: new Invalidations(connect()) });
    const reads = counter();
    await there.get(STORE, 'sales', 'k', reads.load);
    here.changed(STORE, 'sales');
    await tick();
    expect(await there.get(STORE, 'sales', 'k', reads.load)).toBe(2);
  });

  it('stays within its bound', async () => {
    const cache = new AnswerCache({ enabled: true, maxEntries: 10 });
    for (let i = 0; i < 50; i++) await cache.get(STORE, 'sales', `k${i}`, async () => i);
    expect(cache.size).toBe(10);
  });
});
