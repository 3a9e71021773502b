/**
 * A schema-driven request generator for the fuzz suite: from an operation of the OpenAPI document
 * it builds one plausible request (so a call can get past validation into the handler) and a
 * bounded, seeded list of malformed variants of its body, query and path. Same seed, same cases.
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
};

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, e.g. `/api/v1/carts/{id}/items`. */
  path: string;
  bearer: boolean;
  body?: JsonSchema;
  query: Array<{ name: string; schema: JsonSchema; required: boolean }>;
  params: string[];
}

/** A request to send: `body` is raw text when `rawBody` is set (malformed JSON), else JSON. */
export interface Case {
  label: string;
  params: Record<string, string>;
  query: Array<[string, string]>;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
}

export function operationsOf(doc: {
  paths: Record<string, Record<string, Record<string, any>>>;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = (op.parameters ?? []) as Array<{
        in: string;
        name: string;
        schema: JsonSchema;
        required?: boolean;
      }>;
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        bearer: Array.isArray(op.security) && op.security.length > 0,
        body: op.requestBody?.content?.['application/json']?.schema,
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: Boolean(p.required) })),
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
      });
    }
  }
  return ops;
}

// ------------------------------------------------------------------ a seeded random source

export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** `n` items of `items` in a seeded order (all of them when there are fewer). */
    sample<T>(items: readonly T[], n: number): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, n);
    },
  };
}
export type Random = ReturnType<typeof random>;

// ------------------------------------------------------------------ plausible values

/** Values that satisfy common patterns; the first one a pattern accepts is used. */
const PATTERN_CANDIDATES = [
  'IN',
  'INR',
  '560001',
  '+919876543210',
  'fuzz-1',
  'FUZZ10',
  'ORDER',
  'abc',
  'a',
  '09:00',
  '2026-01-01',
  '2026-01-01T00:00:00.000Z',
  'ABCD1234',
  'fuzz@example.test',
];

/** Plausible values by property name, for fields whose schema alone says too little. */
export type Hints = Record<string, () => unknown>;

export function sampleOf(schema: JsonSchema | undefined, hints: Hints, name = '', depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (name && hints[name]) return hints[name]!();
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice?.length) {
    const concrete = choice.find((s) => s.type !== 'null') ?? choice[0];
    return sampleOf(concrete, hints, name, depth + 1);
  }
  if (schema.allOf?.length) return sampleOf(schema.allOf[0], hints, name, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return sampleObject(schema, hints, depth);
    case 'array': {
      const count = Math.max(1, schema.minItems ?? 0);
      return Array.from({ length: count }, () => sampleOf(schema.items, hints, singular(name), depth + 1));
    }
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 0, Math.min(schema.maximum ?? 1, 1));
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema);
    default:
      return 'x';
  }
}

function singular(name: string): string {
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

function sampleObject(schema: JsonSchema, hints: Hints, depth: number) {
  const out: Record<string, unknown> = {};
  for (const key of schema.required ?? []) {
    out[key] = sampleOf(schema.properties?.[key], hints, key, depth + 1);
  }
  if (!schema.properties && typeof schema.additionalProperties === 'object') {
    const key = schema.propertyNames?.enum?.[0] ?? 'key';
    out[String(key)] = sampleOf(schema.additionalProperties, hints, String(key), depth + 1);
  }
  return out;
}

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.format === 'email') return 'fuzz@example.test';
  if (schema.format === 'date-time') return '2026-01-01T00:00:00.000Z';
  if (schema.format === 'date') return '2026-01-01';
  if (schema.format === 'uri') return 'https://example.test/a.png';
  if (schema.pattern) {
    const re = new RegExp(schema.pattern);
    const found = PATTERN_CANDIDATES.find((c) => re.test(c));
    if (found) return found;
  }
  const min = schema.minLength ?? 1;
  return 'fuzz'.padEnd(Math.min(Math.max(min, 4), schema.maxLength ?? 4), 'z');
}

// ------------------------------------------------------------------ hostile values

const NASTY_TEXT = [
  'nul\u0000byte',
  'lone\ud800surrogate',
  'trail\udc00first',
  '\u202eRTL override \u05e9\u05dc\u05d5\u05dd',
  '😀👍🏽 emoji \u{1f600}',
  '../../etc/passwd',
  'a%2Fb%00c',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '\u0001\u001f control',
  '   ',
  '',
];

const WRONG_TYPES: unknown[] = [
  12345,
  -1,
  1e308,
  2 ** 53 + 2,
  0.5,
  true,
  null,
  [],
  ['x'],
  {},
  { nested: { deeper: [1, 2, 3] } },
  'a string',
];

function hugeString(schema: JsonSchema | undefined): string {
  const over = (schema?.maxLength ?? 10_000) + 1;
  return 'x'.repeat(Math.min(Math.max(over, 1_001), 300_000));
}

function deepNesting(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { v: value };
  return value;
}

/** Malformed variants of a body. `base` is the plausible sample the variants start from. */
export function bodyVariants(schema: JsonSchema, base: unknown, rnd: Random): Case[] {
  const none = { params: {}, query: [] };
  const cases: Case[] = [
    { ...none, label: 'plausible body', body: base },
    { ...none, label: 'malformed JSON', rawBody: '{"a": [1, 2,' },
    { ...none, label: 'JSON with a NUL escape', rawBody: '{"name":"a\\u0000b","email":"x\\u0000@y.z"}' },
    { ...none, label: 'JSON with a lone surrogate', rawBody: '{"name":"a\\ud800","description":"\\udfff"}' },
    { ...none, label: '__proto__ key', rawBody: '{"__proto__":{"isAdmin":true},"name":"x"}' },
    { ...none, label: 'constructor.prototype key', rawBody: '{"constructor":{"prototype":{"x":1}}}' },
    { ...none, label: 'an array body', body: [base] },
    { ...none, label: 'a string body', rawBody: '"just a string"' },
    { ...none, label: 'a number body', rawBody: '42' },
    { ...none, label: 'null body', rawBody: 'null' },
    { ...none, label: 'empty object', body: {} },
    { ...none, label: 'deeply nested', body: { ...asObject(base), deep: deepNesting(2_000) } },
    { ...none, label: 'unknown field', body: { ...asObject(base), unexpectedField: 'x', isAdmin: true } },
    { ...none, label: 'text/plain body', rawBody: 'hello', contentType: 'text/plain' },
    { ...none, label: 'form body', rawBody: 'a=b&c=d', contentType: 'application/x-www-form-urlencoded' },
  ];
  const object = asObject(base);
  for (const key of schema.required ?? []) {
    const { [key]: _, ...rest } = object;
    cases.push({ ...none, label: `missing required ${key}`, body: rest });
  }
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    const put = (label: string, value: unknown) =>
      cases.push({ ...none, label: `${key}: ${label}`, body: { ...object, [key]: value } });
    put(`"${rnd.pick(NASTY_TEXT).slice(0, 12)}"`, rnd.pick(NASTY_TEXT));
    put('NUL', 'a\u0000b');
    put('lone surrogate', '\ud800x');
    put('huge string', hugeString(prop));
    put(`wrong type ${JSON.stringify(rnd.pick(WRONG_TYPES)).slice(0, 20)}`, rnd.pick(WRONG_TYPES));
    put('array for a value', [sampleOf(prop, {}, key)]);
    put('very long id', 'f'.repeat(5_000));
    put('NUL in a nested object', { a: 'x\u0000', list: ['\u0000'] });
  }
  return cases;
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Malformed variants of a query string. */
export function queryVariants(op: Operation, base: Array<[string, string]>, rnd: Random): Case[] {
  const none = { params: {} };
  const cases: Case[] = [
    { ...none, label: 'unknown query key', query: [...base, ['zz', String(rnd.int(1e9))]] },
    { ...none, label: 'NUL in an unknown key', query: [...base, ['a\u0000', 'b']] },
  ];
  for (const q of op.query) {
    const others = base.filter(([k]) => k !== q.name);
    const put = (label: string, ...values: string[]) =>
      cases.push({
        ...none,
        label: `?${q.name}: ${label}`,
        query: [...others, ...values.map((v) => [q.name, v] as [string, string])],
      });
    put('NUL', 'a\u0000b');
    put('lone surrogate', '\ud800');
    put('huge', 'q'.repeat(5_000));
    put('wrong type', rnd.pick(['-1', '1e999', 'NaN', 'true', '{}', '[]', '0x10', ' ']));
    put('repeated', 'a', 'b', 'c');
    put(rnd.pick(NASTY_TEXT).slice(0, 12), rnd.pick(NASTY_TEXT));
  }
  return cases;
}

/** Odd path ids: each is used for every path parameter of the operation. */
export const ODD_IDS = [
  'not-an-id',
  'f'.repeat(150),
  'f'.repeat(3_000),
  '%00',
  'a%00b',
  'a%2Fb',
  '..%2F..%2Fetc',
  '%E0%A4%A',
  '%F0%9F%98%80',
  '%E2%80%AE%D7%A9',
  '%ED%A0%80',
  '0',
  '-1',
  '00000000-0000-0000-0000-000000000000',
];
