import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config.ts';
import { createBillingProvider } from './billing.ts';

describe('the configured billing provider', () => {
  it('is the test adapter in development and none in production unless one is chosen', () => {
    expect(createBillingProvider(loadConfig({}))?.name).toBe('test');
    expect(createBillingProvider(loadConfig({ NODE_ENV: 'production' }))).toBeNull();
  });

  it('is Razorpay Subscriptions with the deployment Razorpay key and webhook secret', () => {
    const config = loadConfig({
      BILLING_PROVIDER: 'razorpay',
      RAZORPAY_KEY_ID: 'rzp_test_k',
      RAZORPAY_KEY_SECRET: 's',
      RAZORPAY_WEBHOOK_SECRET: 'w',
    });
    expect(createBillingProvider(config)?.name).toBe('razorpay');
  });

  it('refuses to start Razorpay billing without its webhook secret, naming it', () => {
    const config = loadConfig({
      BILLING_PROVIDER: 'razorpay',
      RAZORPAY_KEY_ID: 'k',
      RAZORPAY_KEY_SECRET: 's',
    });
    expect(() => createBillingProvider(config)).toThrow(/RAZORPAY_WEBHOOK_SECRET/);
  });
});
