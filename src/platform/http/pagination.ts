import { z } from 'zod';
import { BadRequest } from './errors.ts';

/** `?limit=` 1–100 (never clamped) and an opaque `?cursor=`. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional(),
});

/** The position of every list ordered by its time-ordered id. */
export const IdCursor = z.object({ id: z.string().uuid() });

export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Decodes a cursor this server issued; anything else is a 400 pointing at `cursor`. */
export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new BadRequest('The cursor is not one this server issued.', [
      { pointer: '/cursor', in: 'query', detail: 'Invalid cursor.' },
    ]);
  }
  return result.data;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Given `limit + 1` rows, returns the page and the cursor after its last item. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  present: (row: R) => T,
  position: (row: R) => Record<string, unknown>,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(position(last)) : null,
  };
}
