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
});
