// PayPal's settings beyond the variables themselves (config.ts): the API address for the mode, the
// storefront page PayPal sends buyers back to, and what production mode refuses.
import type { Config, UnsafeSetting } from './config.ts';

export const PAYPAL_LIVE_URL = 'https://api-m.paypal.com';
export const PAYPAL_SANDBOX_URL = 'https://api-m.sandbox.paypal.com';

type PayPalConfig = Pick<
  Config,
  | 'NODE_ENV'
  | 'PORT'
  | 'PUBLIC_URL'
  | 'PAYPAL_CLIENT_ID'
  | 'PAYPAL_CLIENT_SECRET'
  | 'PAYPAL_WEBHOOK_ID'
  | 'PAYPAL_API_URL'
>;

/** As set, else live PayPal in production mode and the sandbox in development. */
export function paypalApiUrl(config: PayPalConfig): string {
  return config.PAYPAL_API_URL ?? (config.NODE_ENV === 'production' ? PAYPAL_LIVE_URL : PAYPAL_SANDBOX_URL);
}

/** The storefront page that confirms a payment approved at PayPal (under PUBLIC_URL). */
export function paypalReturnUrl(config: PayPalConfig): string {
  const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  return `${base.replace(/\/+$/, '')}/checkout/paypal/return`;
}

/** PayPal is offered when its client id and secret are both set. */
export function paypalConfigured(config: PayPalConfig): boolean {
  return Boolean(config.PAYPAL_CLIENT_ID && config.PAYPAL_CLIENT_SECRET);
}

/**
 * In production mode, PayPal needs its secret and webhook id with its client id, and live PayPal
 * over https: the sandbox takes no money, so orders would ship unpaid.
 */
export function paypalProblem(config: PayPalConfig): UnsafeSetting | null {
  if (config.NODE_ENV !== 'production' || !config.PAYPAL_CLIENT_ID) return null;
  const missing = (['PAYPAL_CLIENT_SECRET', 'PAYPAL_WEBHOOK_ID'] as const).filter((name) => !config[name]);
  if (missing.length > 0)
    return { setting: missing[0]!, reason: `unset while PAYPAL_CLIENT_ID is set (${missing.join(', ')})` };
  const url = new URL(paypalApiUrl(config));
  if (url.hostname.endsWith('sandbox.paypal.com'))
    return {
      setting: 'PAYPAL_API_URL',
      reason: `${url.origin} is PayPal's sandbox, which takes no real money`,
    };
  if (url.protocol !== 'https:')
    return { setting: 'PAYPAL_API_URL', reason: `${url.origin} is not https; use ${PAYPAL_LIVE_URL}` };
  return null;
}
