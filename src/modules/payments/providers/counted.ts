import type { Counter } from 'prom-client';
import type { PaymentProvider } from './provider.ts';

/** The calls that reach the provider; a webhook that fails verification is the sender's fault, not counted. */
const CALLS = new Set(['charge', 'confirm', 'refund', 'retrieve', 'cancel', 'retrieveRefund']);

/**
 * The provider with each call that throws (no answer: network, timeout, the provider's own error)
 * counted by provider and operation. A decline is an answer (FAILED), not an error.
 */
export function countingErrors(
  provider: PaymentProvider,
  errors: Counter<'provider' | 'operation'>,
): PaymentProvider {
  return new Proxy(provider, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof key !== 'string' || !CALLS.has(key) || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (error) {
          errors.inc({ provider: target.name, operation: key });
          throw error;
        }
      };
    },
  });
}
