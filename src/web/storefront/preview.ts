// A store that is not published yet is shown through its signed preview link (`/?preview={token}`):
// the storefront keeps the token in a cookie of the store's address and sends it with its calls to
// the API as `x-store-preview`, which lets GETs through for that store (tenancy's hook).
import type { FastifyReply, FastifyRequest } from 'fastify';

export const PREVIEW_COOKIE = 'bazaar_preview';
const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

/** The preview token the visitor's cookie carries, if any. */
export function previewToken(req: FastifyRequest): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== PREVIEW_COOKIE) continue;
    const token = value.join('=');
    return TOKEN.test(token) ? token : undefined;
  }
  return undefined;
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
  const token = typeof given === 'string' && TOKEN.test(given) ? given : '';
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
