import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { coalescing } from './coalesce.ts';

/** A batch function that records the batches it was given and doubles each item. */
function recorder(delayMs = 0) {
  const batches: number[][] = [];
  const run = async (items: readonly number[]) => {
    batches.push([...items]);
    if (delayMs) await sleep(delayMs);
    return items.map((n) => n * 2);
  };
  return { batches, run };
}

describe('coalescing', () => {
  it('serves calls made together with one batch, each caller getting its own result', async () => {
    const { batches, run } = recorder();
    const call = coalescing(run);
    expect(await Promise.all([1, 2, 3, 4].map(call))).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('answers a lone call by itself', async () => {
    const { batches, run } = recorder();
    const call = coalescing(run);
    expect(await call(5)).toBe(10);
    expect(await call(6)).toBe(12);
    expect(batches).toEqual([[5], [6]]);
  });

  it('gathers the calls made while the batches in flight run into the next one', async () => {
    const { batches, run } = recorder(30);
    const call = coalescing(run, { maxInFlight: 1 });
    const first = call(1);
    await sleep(5); // the first batch is running
    const rest = [2, 3, 4].map(call);
    await sleep(5);
    const more = [5, 6].map(call);
    expect(await Promise.all([first, ...rest, ...more])).toEqual([2, 4, 6, 8, 10, 12]);
    expect(batches).toEqual([[1], [2, 3, 4, 5, 6]]);
  });

  it('fails only the caller whose item the batch answered with an error', async () => {
    const call = coalescing(async (items: readonly number[]) =>
      items.map((n) => (n < 0 ? new RangeError(`negative: ${n}`) : n)),
    );
    const results = await Promise.allSettled([1, -2, 3].map(call));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(RangeError);
  });

  it('fails every caller of a batch that throws, and serves the next batch as usual', async () => {
    let failing = true;
    const call = coalescing(async (items: readonly number[]) => {
      if (failing) throw new Error('database gone');
      return items;
    });
    const results = await Promise.allSettled([1, 2].map(call));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    failing = false;
    expect(await Promise.all([3, 4].map(call))).toEqual([3, 4]);
  });

  it('splits a crowd into batches of at most maxBatchSize', async () => {
    const { batches, run } = recorder();
    const call = coalescing(run, { maxBatchSize: 3 });
    await Promise.all([1, 2, 3, 4, 5, 6, 7].map(call));
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
  });
});
