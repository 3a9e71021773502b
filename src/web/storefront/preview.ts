// A store that is not published yet is shown through its signed preview link (`/?preview={token}`):
// the storefront keeps the token in a cookie of the store's address and sends it with its own calls
// to the API as `x-store-preview`; the browser's calls (islands) carry the cookie itself. Either
// lets a previewing visitor browse the store and fill a cart, not place an order (tenancy's hook).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isPreviewTokenShape, PREVIEW_COOKIE, previewCookie } from '../../platform/http/preview.ts';

/** The preview token the visitor's cookie carries, if any. */
export function previewToken(req: FastifyRequest): string | undefined {
  return previewCookie(req.headers.cookie);
}

/**
 * A page asked with `?preview=`: keeps the token in an HttpOnly, SameSite=Lax cookie and sends the
 * browser to the same address without it (so the secret leaves the address bar and the history).
 * Answers whether it redirected. A token that is not one (wrong shape) is dropped, not kept.
 */
export function takePreviewLink(req: FastifyRequest, reply: FastifyReply): boolean {
  const query = req.query as Record<string, unknown> | undefined;
  const given = query?.preview;
  if (given === undefined) return false;
  const url = new URL(req.url, 'http://page');
  url.searchParams.delete('preview');
  const token = isPreviewTokenShape(given) ? given : '';
  const secure = req.protocol === 'https' ? '; Secure' : '';
  const cookie = token
    ? `${PREVIEW_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${secure}`
    : `${PREVIEW_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
  void reply
    .code(303)
    .header('set-cookie', cookie)
    .header('cache-control', 'no-store')
    .header('location', `${url.pathname}${url.search}`)
    .send();
  return true;
}
