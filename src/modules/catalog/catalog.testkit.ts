// Helpers for the catalog's tests: HTTP shorthands and product factories.
import { newId } from '../../platform/ids.ts';
import type { Server } from '../../server.ts';

export type Headers = Record<string, string>;

export function http(server: Server) {
  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Headers = {},
  ) =>
    server.app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  return {
    get: (url: string, headers?: Headers) => call('GET', url, undefined, headers),
    post: (url: string, payload: unknown, headers?: Headers) => call('POST', url, payload, headers),
    patch: (url: string, payload: unknown, headers?: Headers) => call('PATCH', url, payload, headers),
    del: (url: string, headers?: Headers) => call('DELETE', url, undefined, headers),
  };
}

export const inr = (amount: number) => ({ amount, currency: 'INR' });

let n = 0;
export function sku(prefix = 'SKU'): string {
  return `${prefix}-${++n}-${newId().slice(-8)}`;
}

export interface ProductOverrides {
  name?: string;
  price?: number;
  stock?: number;
  [key: string]: unknown;
}

/** Creates a product through the API and returns its view; throws on anything but 201. */
export async function createProduct(server: Server, headers: Headers, overrides: ProductOverrides = {}) {
  const { price = 10_000, stock = 5, name = `Product ${++n}`, ...rest } = overrides;
  const res = await http(server).post(
    '/admin/products',
    { name, variants: [{ sku: sku(), price: inr(price), stock }], ...rest },
    headers,
  );
  if (res.statusCode !== 201) throw new Error(`create product: ${res.statusCode} ${res.body}`);
  return res.json() as {
    id: string;
    slug: string;
    name: string;
    status: string;
    variants: Array<{
      id: string;
      sku: string;
      offers: Array<{ id: string; sellerId: string; available: boolean }>;
    }>;
    [key: string]: unknown;
  };
}

/** Every item of a list, following nextCursor. */
export async function listAll(server: Server, query: string, headers: Headers = {}) {
  const items: Array<{ id: string; [key: string]: unknown }> = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const sep = query.includes('?') ? '&' : '?';
    const url: string = `${query}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await http(server).get(url, headers);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    const body = res.json() as { items: Array<{ id: string }>; nextCursor: string | null };
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return items;
}
