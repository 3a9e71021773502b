import DataLoader from 'dataloader';

export interface CoalesceOptions {
  /** Batches running at once; while that many run, new calls join the next batch. */
  maxInFlight?: number;
  /** The most items one batch takes; more start another batch. */
  maxBatchSize?: number;
}

/**
 * Coalesces calls made close together into one call of `run` with all their items, so concurrent
 * requests that each need one statement share one. A batch starts on the next turn of the event
 * loop, or, while `maxInFlight` batches are running, as soon as one of them ends: under load
 * batches grow instead of queueing, and a lone call waits for nothing but that turn.
 *
 * `run` answers one result per item, in order; an `Error` in its place fails that item's call
 * alone, and a thrown error fails every call of the batch.
 */
export function coalescing<In, Out>(
  run: (items: readonly In[]) => Promise<ReadonlyArray<Out | Error>>,
  options: CoalesceOptions = {},
): (item: In) => Promise<Out> {
  const maxInFlight = options.maxInFlight ?? 2;
  const waiting: Array<() => void> = [];
  let inFlight = 0;
  const pump = () => {
    while (inFlight < maxInFlight && waiting.length > 0) {
      inFlight++;
      setImmediate(waiting.shift()!);
    }
  };
  const loader = new DataLoader<In, Out>(
    async (items) => {
      try {
        return await run(items);
      } finally {
        inFlight--;
        pump();
      }
    },
    {
      cache: false,
      maxBatchSize: options.maxBatchSize ?? 500,
      batchScheduleFn: (dispatch) => {
        waiting.push(dispatch);
        pump();
      },
    },
  );
  return (item) => loader.load(item);
}
