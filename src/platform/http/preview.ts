// A store that is not published yet is seen through its signed preview link (`/?preview={token}`):
// the storefront keeps the token in this cookie of the store's address, so that both its pages and
// the browser's own calls to the API carry it (tenancy's hook reads it; decision 018).

export const PREVIEW_COOKIE = 'bazaar_preview';
const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

/** Whether `value` has the shape of a preview token (a store's secret is checked elsewhere). */
export function isPreviewTokenShape(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

/** The preview token a `Cookie` header carries, if any (one of the wrong shape is none). */
export function previewCookie(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== PREVIEW_COOKIE) continue;
    const token = value.join('=');
    return isPreviewTokenShape(token) ? token : undefined;
  }
  return undefined;
}
