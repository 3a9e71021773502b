import { reviewsCall } from '../../reviews.ts';
import { call, session } from '../api.ts';

/**
 * A call of the reviews API with the console's session (renewed once on 401 by `call`); a
 * problem answer is thrown as an ApiError.
 */
export function reviewsApi<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { query?: Record<string, string | undefined>; body?: unknown } = {},
): Promise<T> {
  return call(() => reviewsCall<T>(method, path, { ...options, token: session()?.accessToken }));
}

/** A rating for people: filled and empty stars, and the number for screen readers. */
export function starText(rating: number): string {
  const n = Math.round(rating);
  return `${'★'.repeat(n)}${'☆'.repeat(5 - n)}`;
}
