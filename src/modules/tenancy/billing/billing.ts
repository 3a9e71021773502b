import { billingProblem, billingProviderName, type Config } from '../../../platform/config.ts';
import type { BillingProvider } from './billing.port.ts';
import { createRazorpayBilling } from './razorpay.ts';
import { createTestBilling } from './sandbox.ts';

/**
 * The billing provider configuration asks for (BILLING_PROVIDER, docs/operations.md), or `null`
 * when this deployment bills no tenants. Razorpay billing uses the deployment's Razorpay key,
 * webhook secret and API base, the ones payments use.
 */
export function createBillingProvider(config: Config): BillingProvider | null {
  const name = billingProviderName(config);
  if (name === null) return null;
  const problem = billingProblem(config);
  if (problem) throw new Error(`Billing cannot start: ${problem.setting}: ${problem.reason}`);
  if (name === 'test') return createTestBilling();
  return createRazorpayBilling({
    keyId: config.RAZORPAY_KEY_ID as string,
    keySecret: config.RAZORPAY_KEY_SECRET as string,
    webhookSecret: config.RAZORPAY_WEBHOOK_SECRET,
    apiBase: config.RAZORPAY_API_BASE,
  });
}
