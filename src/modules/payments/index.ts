// Payments owns payments, refunds and provider webhooks behind one provider port (test, cash on
// delivery, Stripe, Razorpay, PayPal). Orders follow payment status through `onStatusChange`.
import path from 'node:path';
import { type Config, modeOf, testProviderEnabled } from '../../platform/config.ts';
import { paypalApiUrl, paypalConfigured, paypalReturnUrl } from '../../platform/config-paypal.ts';
import { pruneInBatches, RETENTION_CRON, RETENTION_QUEUES } from '../../platform/jobs/retention.ts';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { paymentMethodRoutes } from './payments.methods.routes.ts';
import { PaymentMethodsService } from './payments.methods.service.ts';
import { registerReconciliation } from './payments.reconcile.ts';
import { pruneEvents } from './payments.repository.ts';
import { paymentsRoutes } from './payments.routes.ts';
import { PaymentsService } from './payments.service.ts';
import { createCodProvider } from './providers/cod.ts';
import { countingErrors } from './providers/counted.ts';
import { createPayPalProvider } from './providers/paypal.ts';
import type { PaymentProvider, ProviderName } from './providers/provider.ts';
import { createRazorpayProvider } from './providers/razorpay.ts';
import { razorpayClient as razorpayApi } from './providers/razorpay-api.ts';
import { createRazorpayVault } from './providers/razorpay-vault.ts';
import { createTestProvider } from './providers/sandbox.ts';
import { createStripeProvider } from './providers/stripe.ts';
import { createStripeVault } from './providers/stripe-vault.ts';
import type { PaymentMethodVault } from './providers/vault.ts';

export { PaymentEvents } from './payments.events.ts';
export { SavedMethodView } from './payments.methods.schemas.ts';
export { PaymentMethodsService } from './payments.methods.service.ts';
export { RECONCILE_RETRY, RECONCILE_SWEEP } from './payments.reconcile.ts';
export { insertCapturedHistory, ordersWithMoneyInFlight, refundsByDay } from './payments.repository.ts';
export { PaymentView, RefundView } from './payments.schemas.ts';
export type {
  PaymentListener,
  PaymentOrders,
  RefundFailedListener,
} from './payments.service.ts';
export { PaymentsService, RECONCILE_QUEUE } from './payments.service.ts';
export type { PaymentStatus } from './payments.status.ts';
export type { SavedMethodRef } from './providers/provider.ts';
/** Razorpay's REST client and webhook signatures, shared with tenancy's billing (subscriptions). */
export {
  RazorpayApiError,
  type RazorpayApiSettings,
  type RazorpayCall,
  razorpayClient,
  razorpaySignature,
  razorpaySignatureValid,
} from './providers/razorpay-api.ts';
/** Signs a webhook body as Stripe does (tests and local tooling). */
export { stripeTestSignature } from './providers/stripe.ts';
export type { BuyerProfile } from './providers/vault.ts';

export interface PaymentsModule extends BazaarModule {
  service: PaymentsService;
  /** Buyers' saved cards (decision 033). */
  methods: PaymentMethodsService;
}

/** The providers this deployment offers, from configuration. */
export function configuredProviders(config: Config): Map<ProviderName, PaymentProvider> {
  const providers = new Map<ProviderName, PaymentProvider>();
  // Development mode offers it; production only with PAYMENTS_TEST_PROVIDER=true (see config.ts).
  if (testProviderEnabled(config)) providers.set('test', createTestProvider());
  if (config.PAYMENTS_COD_ENABLED) providers.set('cod', createCodProvider());
  if (config.STRIPE_SECRET_KEY) {
    providers.set(
      'stripe',
      createStripeProvider({
        secretKey: config.STRIPE_SECRET_KEY,
        webhookSecret: config.STRIPE_WEBHOOK_SECRET,
        apiBase: config.STRIPE_API_BASE,
      }),
    );
  }
  if (config.RAZORPAY_KEY_ID && config.RAZORPAY_KEY_SECRET) {
    providers.set(
      'razorpay',
      createRazorpayProvider({
        keyId: config.RAZORPAY_KEY_ID,
        keySecret: config.RAZORPAY_KEY_SECRET,
        webhookSecret: config.RAZORPAY_WEBHOOK_SECRET,
        apiBase: config.RAZORPAY_API_BASE,
      }),
    );
  }
  if (paypalConfigured(config)) {
    providers.set(
      'paypal',
      createPayPalProvider({
        clientId: config.PAYPAL_CLIENT_ID!,
        clientSecret: config.PAYPAL_CLIENT_SECRET!,
        webhookId: config.PAYPAL_WEBHOOK_ID,
        apiUrl: paypalApiUrl(config),
        returnUrl: paypalReturnUrl(config),
      }),
    );
  }
  return providers;
}

/** The providers that keep buyers' saved cards (decision 033): Stripe and Razorpay when configured. */
export function configuredVaults(config: Config): Map<string, PaymentMethodVault> {
  const vaults = new Map<string, PaymentMethodVault>();
  if (config.STRIPE_SECRET_KEY) {
    const settings = { secretKey: config.STRIPE_SECRET_KEY, apiBase: config.STRIPE_API_BASE };
    vaults.set('stripe', createStripeVault(settings, { testCards: modeOf(config) === 'development' }));
  }
  if (config.RAZORPAY_KEY_ID && config.RAZORPAY_KEY_SECRET) {
    const call = razorpayApi({
      keyId: config.RAZORPAY_KEY_ID,
      keySecret: config.RAZORPAY_KEY_SECRET,
      apiBase: config.RAZORPAY_API_BASE,
    });
    vaults.set('razorpay', createRazorpayVault(call, config.RAZORPAY_KEY_ID));
  }
  return vaults;
}

export function createPaymentsModule(platform: Platform): PaymentsModule {
  const providers = new Map(
    [...configuredProviders(platform.config)].map(([name, provider]) => [
      name,
      countingErrors(provider, platform.metrics.business.paymentProviderErrors),
    ]),
  );
  const service = new PaymentsService(providers, platform.jobs);
  const testCards = modeOf(platform.config) === 'development';
  const methods = new PaymentMethodsService(configuredVaults(platform.config), platform.jobs, testCards);
  registerReconciliation(platform.jobs, service, platform.log);
  registerEventRetention(platform);
  return {
    name: 'payments',
    migrations: path.join(import.meta.dirname, 'migrations'),
    service,
    methods,
    async routes(app) {
      await paymentsRoutes(service)(app);
      await paymentMethodRoutes(methods)(app);
    },
  };
}

/** Received webhooks are deleted after RETENTION_PAYMENT_EVENTS_DAYS (a scheduled prune). */
function registerEventRetention({ jobs, config }: Platform): void {
  jobs.handle(RETENTION_QUEUES.payments, async (job) => {
    const removed = await pruneInBatches((batch) =>
      pruneEvents(job.db, config.RETENTION_PAYMENT_EVENTS_DAYS, batch),
    );
    job.log.info({ removed }, 'old payment events pruned');
  });
  jobs.schedule(RETENTION_QUEUES.payments, RETENTION_CRON, RETENTION_QUEUES.payments);
}
