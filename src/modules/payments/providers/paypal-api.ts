/**
 * PayPal's REST API as the PayPal adapter calls it: an OAuth2 client-credentials token (cached until
 * a minute before it expires, dropped when PayPal answers 401), JSON in and out, `PayPal-Request-Id`
 * for idempotency, a time limit, and every failure a `PayPalApiError` carrying PayPal's own issue.
 */
export interface PayPalApiSettings {
  clientId: string;
  clientSecret: string;
  /** `https://api-m.paypal.com` (live) or `https://api-m.sandbox.paypal.com`; tests use a loopback stand-in. */
  apiUrl: string;
  timeoutMs?: number | undefined;
}

export type PayPalCall = <T>(method: string, path: string, body?: unknown, requestId?: string) => Promise<T>;

/** A call PayPal refused (`status` is its HTTP status), or one that never got an answer (`status` 0). */
export class PayPalApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** PayPal's first `details[].issue` (e.g. ORDER_ALREADY_CAPTURED), else its error `name`. */
    readonly issue: string,
  ) {
    super(message);
    this.name = 'PayPalApiError';
  }

  /** PayPal answered and refused the request as made (a retry of the same request fails the same way). */
  get refused(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 429 && this.status !== 408;
  }
}

interface PayPalErrorBody {
  name?: string;
  message?: string;
  error?: string;
  error_description?: string;
  details?: { issue?: string; description?: string }[];
}

export function paypalClient(settings: PayPalApiSettings): PayPalCall {
  const base = settings.apiUrl.replace(/\/+$/, '');
  const timeoutMs = settings.timeoutMs ?? 20_000;
  let token: { value: string; expiresAt: number } | null = null;

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new PayPalApiError(
        timedOut ? `PayPal did not answer within ${timeoutMs} ms` : 'PayPal could not be reached',
        0,
        timedOut ? 'timeout' : 'unreachable',
      );
    }
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now()) return token.value;
    const basic = Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString('base64');
    const res = await send('/v1/oauth2/token', {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const json = (await res.json().catch(() => ({}))) as PayPalErrorBody & {
      access_token?: string;
      expires_in?: number;
    };
    if (!res.ok || !json.access_token) throw failure(res.status, json);
    // renewed a minute early, so a token never expires between this check and PayPal's
    const lifetime = Math.max((json.expires_in ?? 0) - 60, 0) * 1000;
    token = { value: json.access_token, expiresAt: Date.now() + lifetime };
    return token.value;
  }

  return async <T>(method: string, path: string, body?: unknown, requestId?: string): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      const res = await send(path, {
        method,
        headers: {
          authorization: `Bearer ${await accessToken()}`,
          'content-type': 'application/json',
          prefer: 'return=representation',
          ...(requestId ? { 'paypal-request-id': requestId } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      // a token PayPal revoked or expired early: fetch a new one, once
      if (res.status === 401 && attempt === 0) {
        token = null;
        continue;
      }
      const json = (await res.json().catch(() => ({}))) as T & PayPalErrorBody;
      if (!res.ok) throw failure(res.status, json);
      return json;
    }
  };
}

function failure(status: number, json: PayPalErrorBody): PayPalApiError {
  const detail = json.details?.[0];
  return new PayPalApiError(
    detail?.description ?? json.message ?? json.error_description ?? `PayPal answered ${status}`,
    status,
    detail?.issue ?? json.name ?? json.error ?? `http_${status}`,
  );
}
