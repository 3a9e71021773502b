import type pg from 'pg';

/** A statement that changes data or takes row locks, or opens a transaction to do so. */
const WRITE =
  /^\s*(insert|update|delete|merge|truncate|begin|start\s+transaction|copy)\b|\bfor\s+(no\s+key\s+)?update\b|^\s*with\b[\s\S]*\b(insert|update|delete)\b/i;

export function isWrite(text: string): boolean {
  return WRITE.test(text);
}

/**
 * Records the text of every statement a database's pool sends from now on (wrapping each client's
 * `query` as the pool hands it out), until `stop()`.
 */
export function recordStatements(pool: pg.Pool) {
  const seen: string[] = [];
  let recording = true;
  const wrapped = new WeakSet<object>();
  const wrap = (client: pg.PoolClient) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text?: string };
      if (recording) seen.push(typeof first === 'string' ? first : (first?.text ?? ''));
      return query(...args);
    };
  };
  pool.on('acquire', wrap);
  return {
    statements: () => [...seen],
    writes: () => seen.filter(isWrite),
    stop() {
      recording = false;
      pool.off('acquire', wrap);
    },
  };
}
