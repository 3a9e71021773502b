import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadCache } from './catalog.cache.ts';

afterEach(() => {
  vi.useRealTimers();
});

function counter() {
  let n = 0;
  return { load: async () => ++n, count: () => n };
}

describe('the catalog read cache', () => {
  it('serves a value until the store’s generation moves', async () => {
    const cache = new ReadCache(5_000);
    const c = counter();
    expect(await cache.get('s1', 'k', c.load)).toBe(1);
    expect(await cache.get('s1', 'k', c.load)).toBe(1);
    expect(await cache.get('s2', 'k', c.load)).toBe(2);
    cache.bump('s1');
    expect(await cache.get('s1', 'k', c.load)).toBe(3);
    expect(await cache.get('s2', 'k', c.load)).toBe(2);
  });

  it('shares one load among concurrent misses and keeps no failure', async () => {
    const cache = new ReadCache(5_000);
    const c = counter();
    const values = await Promise.all(Array.from({ length: 10 }, () => cache.get('s', 'k', c.load)));
    expect(values).toEqual(Array(10).fill(1));
    expect(c.count()).toBe(1);
    await expect(cache.get('s', 'bad', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await cache.get('s', 'bad', async () => 'ok')).toBe('ok');
  });

  it('never stores a value loaded across a write under the new generation', async () => {
    const cache = new ReadCache(5_000);
    let release!: (v: string) => void;
    const slow = cache.get('s', 'k', () => new Promise<string>((r) => (release = r)));
    cache.bump('s');
    release('old');
    expect(await slow).toBe('old');
    expect(await cache.get('s', 'k', async () => 'new')).toBe('new');
  });

  it('serves an expired entry once more while it reloads, and never one twice its age', async () => {
    vi.useFakeTimers();
    const cache = new ReadCache(1_000);
    const c = counter();
    expect(await cache.get('s', 'k', c.load)).toBe(1);
    vi.advanceTimersByTime(1_500);
    expect(await cache.get('s', 'k', c.load)).toBe(1); // stale, reload started
    await Promise.resolve();
    expect(await cache.get('s', 'k', c.load)).toBe(2);
    vi.advanceTimersByTime(2_500);
    expect(await cache.get('s', 'k', c.load)).toBe(3); // too old to serve: waits for the load
  });

  it('caches nothing with a lifetime of 0', async () => {
    const cache = new ReadCache(0);
    const c = counter();
    await cache.get('s', 'k', c.load);
    await cache.get('s', 'k', c.load);
    expect(c.count()).toBe(2);
  });

  it('stays at its bound under a flood of distinct keys', async () => {
    const cache = new ReadCache(5_000, { maxEntries: 100 });
    for (let i = 0; i < 1_000; i++) await cache.get('s', `key-${i}`, async () => i);
    expect(cache.size).toBe(100);
    // the most recently used keys are the ones kept
    expect(await cache.get('s', 'key-999', async () => -1)).toBe(999);
    expect(await cache.get('s', 'key-0', async () => -1)).toBe(-1);
  });

  it('keeps the generations of a bounded number of stores, and never serves a forgotten one', async () => {
    const cache = new ReadCache(5_000, { maxEntries: 100, maxStores: 10 });
    expect(await cache.get('s0', 'k', async () => 'before')).toBe('before');
    cache.bump('s0');
    for (let i = 1; i <= 50; i++) cache.bump(`s${i}`); // pushes s0's generation out
    expect(cache.storeCount).toBeLessThanOrEqual(10);
    expect(await cache.get('s0', 'k', async () => 'after')).toBe('after');
    expect(await cache.get('s0', 'k', async () => 'again')).toBe('after');
  });
});
