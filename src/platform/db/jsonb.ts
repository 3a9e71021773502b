// Values as PostgreSQL's jsonb gives them back: an object's keys ordered shorter first (in UTF-8
// bytes), then by their bytes, and keys without a value gone. A row built in memory from what a
// statement wrote (not read back) then shows the same as one read, down to the order of its keys.

/** `value` with every object's keys in jsonb's order (arrays keep theirs). */
export function asJsonb<T>(value: T): T {
  if (Array.isArray(value)) return value.map(asJsonb) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const bytes = (key: string) => Buffer.from(key);
  entries.sort(([a], [b]) => bytes(a).length - bytes(b).length || Buffer.compare(bytes(a), bytes(b)));
  return Object.fromEntries(entries.map(([k, v]) => [k, asJsonb(v)])) as T;
}
