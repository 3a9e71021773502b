import crypto from 'node:crypto';

/**
 * Razorpay's REST API as both its users call it: payments (orders, captures, refunds) and tenancy's
 * billing (plans, customers, subscriptions). JSON in and out, Basic auth with the key id and
 * secret, a time limit, and every failure a `RazorpayApiError` carrying Razorpay's own description.
 */
export interface RazorpayApiSettings {
  keyId: string;
  keySecret: string;
  /** `https://api.razorpay.com` unless set (tests point it at a loopback stand-in). */
  apiBase?: string | undefined;
  timeoutMs?: number | undefined;
}

export type RazorpayCall = <T>(
  method: string,
  path: string,
  body?: unknown,
  idempotencyKey?: string,
) => Promise<T>;

/** A call Razorpay refused (`status` is its HTTP status), or one that never got an answer (`status` 0). */
export class RazorpayApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'RazorpayApiError';
  }
}

export function razorpayClient(settings: RazorpayApiSettings): RazorpayCall {
  const base = (settings.apiBase ?? 'https://api.razorpay.com').replace(/\/+$/, '');
  const auth = `Basic ${Buffer.from(`${settings.keyId}:${settings.keySecret}`).toString('base64')}`;
  const timeoutMs = settings.timeoutMs ?? 20_000;
  return async <T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${base}/v1${path}`, {
        method,
        headers: {
          authorization: auth,
          'content-type': 'application/json',
          ...(idempotencyKey ? { 'x-idempotency-key': idempotencyKey } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new RazorpayApiError(
        timedOut ? `Razorpay did not answer within ${timeoutMs} ms` : 'Razorpay could not be reached',
        0,
        timedOut ? 'timeout' : 'unreachable',
      );
    }
    const json = (await res.json().catch(() => ({}))) as T & {
      error?: { code?: string; description?: string };
    };
    if (!res.ok) {
      throw new RazorpayApiError(
        json.error?.description ?? `Razorpay answered ${res.status}`,
        res.status,
        json.error?.code ?? `http_${res.status}`,
      );
    }
    return json;
  };
}

/** Whether `signature` is the hex HMAC-SHA256 of `data` under `secret`, compared in constant time. */
export function razorpaySignatureValid(data: string | Buffer, signature: string, secret: string): boolean {
  const expected = Buffer.from(crypto.createHmac('sha256', secret).update(data).digest('hex'));
  const given = Buffer.from(signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** The signature Razorpay would send for `data` (tests and the development billing adapter). */
export function razorpaySignature(data: string | Buffer, secret: string): string {
  return crypto.createHmac('sha256', secret).update(data).digest('hex');
}
