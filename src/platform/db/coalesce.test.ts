import { describe, expect, it } from 'vitest';
import { coalescing } from './coalesce.ts';

/** A batch function that records the batches it was given and doubles each item. */
function recorder() {
  const batches: number[][] = [];
  const run = async (items: readonly number[]) => {
    batches.push([...items]);
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
    const batches: number[][] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const call = coalescing(
      async (items: readonly number[]) => {
        batches.push([...items]);
        if (batches.length === 1) await gate; // the first batch runs until the others are waiting
        return items.map((n) => n * 2);
      },
      { maxInFlight: 1 },
    );
    const first = call(1);
    await new Promise((resolve) => setImmediate(resolve)); // the first batch has started
    const rest = [2, 3, 4, 5, 6].map(call);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8, 10, 12]);
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
