// A span per SQL statement sent through the database's pool (decision 039): the same seam serves
// PostgreSQL and the embedded database, which is reached through the same `pg` pool. Installed only
// when tracing is on.
import { trace } from '@opentelemetry/api';
import type pg from 'pg';
import { recordError, SpanKind, type Tracing } from './tracing.ts';

/** Statement text longer than this is cut (the start names the tables and the operation). */
export const STATEMENT_MAX_CHARS = 2048;

const OPERATION = /^\s*(?:\/\*[\s\S]*?\*\/\s*)?([A-Za-z]+)/;

/**
 * Wraps each pool client's `query` as the pool first hands the client out: a statement sent while
 * a traced request or job is in hand gets a client span under it, carrying the statement's text as
 * written, with its `$n` placeholders: the values bound to them are never read.
 */
export function traceStatements(pool: pg.Pool, tracing: Tracing, schema: string): void {
  const wrapped = new WeakSet<object>();
  pool.on('acquire', (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = function traced(this: unknown, ...args: unknown[]) {
      const parent = tracing.active();
      const first = args[0] as string | { text?: unknown; submit?: unknown } | undefined;
      const text = typeof first === 'string' ? first : first?.text;
      const inHand = trace.getSpan(parent);
      // a cursor or stream (`submit`) is its own event emitter: left as it is
      if (
        !inHand?.isRecording() ||
        typeof text !== 'string' ||
        typeof (first as { submit?: unknown })?.submit === 'function'
      )
        return query.apply(this, args);
      const operation = OPERATION.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
      const span = tracing.tracer.startSpan(
        operation,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'db.system': 'postgresql',
            'db.system.name': 'postgresql',
            'db.namespace': schema,
            'db.operation.name': operation,
            'db.query.text': text.length > STATEMENT_MAX_CHARS ? text.slice(0, STATEMENT_MAX_CHARS) : text,
          },
        },
        parent,
      );
      const last = args.length - 1;
      if (typeof args[last] === 'function') {
        const callback = args[last] as (error: unknown, result: unknown) => void;
        args[last] = (error: unknown, result: unknown) => {
          if (error) recordError(span, error);
          span.end();
          callback(error, result);
        };
        return query.apply(this, args);
      }
      const result = query.apply(this, args) as Promise<unknown>;
      return result.then(
        (value) => {
          span.end();
          return value;
        },
        (error: unknown) => {
          recordError(span, error);
          span.end();
          throw error;
        },
      );
    };
  });
}
