import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { countingErrors } from './providers/counted.ts';
import type { PaymentProvider } from './providers/provider.ts';

// payment_provider_errors_total: a provider call that throws is an error; a decline is an answer.
describe('payment provider errors', () => {
  it('counts calls that fail without an answer by provider and operation, not declines', async () => {
    const registry = new Registry();
    const errors = new Counter({
      name: 'payment_provider_errors_total',
      help: 'test',
      labelNames: ['provider', 'operation'] as const,
      registers: [registry],
    });
    const provider = {
      name: 'stripe',
      method: 'CARD',
      charge: async () => {
        throw new Error('connect ECONNREFUSED');
      },
      refund: async () => ({ status: 'FAILED' as const }),
    } as unknown as PaymentProvider;
    const counted = countingErrors(provider, errors);
    await expect(counted.charge({} as never)).rejects.toThrow('ECONNREFUSED');
    expect(await counted.refund({} as never)).toEqual({ status: 'FAILED' });
    const values = (await errors.get()).values;
    expect(values).toEqual([{ labels: { provider: 'stripe', operation: 'charge' }, value: 1 }]);
    expect(counted.name).toBe('stripe');
  });
});
