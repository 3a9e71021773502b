import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, onPostgres, type TestServer } from '../../../test/harness.ts';
import { type CardVaultStandIn, startCardVault } from '../../../test/kit/card-vault.ts';
import {
  anonymous,
  as,
  checkout,
  createAdmin,
  createCart,
  createCustomer,
  createOffer,
  createStore,
  ok,
  shippingAddress,
  type TestUser,
} from '../../../test/kit/index.ts';
import { newId } from '../../platform/ids.ts';
import { createStripeVault } from './providers/stripe-vault.ts';

// Saved cards (decision 033) against loopback stand-ins of Stripe's and Razorpay's APIs: set up,
// saved as tokens only, listed, made default, removed (detached at the provider), and charged in
// one-click checkout; only ever by their owner.

let vault: CardVaultStandIn;
let server: TestServer;

beforeAll(async () => {
  vault = await startCardVault();
  server = await createTestServer({
    config: {
      STRIPE_SECRET_KEY: 'sk_test_vault',
      STRIPE_API_BASE: vault.apiBase,
      RAZORPAY_KEY_ID: 'rzp_test_vault',
      RAZORPAY_KEY_SECRET: 'rzp_vault_secret',
      RAZORPAY_API_BASE: vault.apiBase,
    },
  });
});
afterAll(async () => {
  await server?.destroy();
  await vault?.close();
});

interface Method {
  id: string;
  provider: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  isDefault: boolean;
}

/** A Stripe card saved the way the storefront saves one: setup, Stripe.js's confirmation, save. */
async function saveStripeCard(user: TestUser, testCard = 'pm_card_visa'): Promise<Method> {
  const setup = await ok<{ setupId: string }>(
    as(user).post('/me/payment-methods/setup', { provider: 'stripe' }),
  );
  return ok<Method>(
    as(user).post('/me/payment-methods', { provider: 'stripe', setupId: setup.setupId, testCard }),
  );
}

const list = async (user: TestUser) =>
  (await ok<{ items: Method[] }>(as(user).get('/me/payment-methods'))).items;

async function cartOf(user: TestUser, price = 5_000) {
  const offer = await createOffer(server, { price, stock: 20 });
  return createCart(user, [{ offerId: offer.offerId, quantity: 1 }]);
}

const payWith = (user: TestUser, cartId: string, method: Method) =>
  checkout(user, cartId, { payment: { provider: method.provider }, paymentMethodId: method.id });

describe('saving a Stripe card', () => {
  it('keeps the token and display fields only, and the first card is the default', async () => {
    const buyer = await createCustomer(server);
    const setup = await as(buyer).post('/me/payment-methods/setup', { provider: 'stripe' });
    expect(setup.statusCode).toBe(201);
    expect(setup.json()).toMatchObject({
      provider: 'stripe',
      clientSecret: expect.stringContaining('secret'),
    });
    const intent = vault.stripe.setupIntents.get(setup.json().setupId)!;
    expect(intent).toMatchObject({ usage: 'off_session' });
    expect(vault.stripe.customers.get(intent.customer as string)).toMatchObject({ email: buyer.email });

    const saved = await as(buyer).post('/me/payment-methods', {
      provider: 'stripe',
      setupId: setup.json().setupId,
      testCard: 'pm_card_visa',
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2034,
      isDefault: true,
    });
    expect(saved.body).not.toMatch(/pm_|cus_|seti_/);
    const second = await saveStripeCard(buyer, 'pm_card_mastercard');
    expect(second).toMatchObject({ brand: 'mastercard', isDefault: false });
    expect((await list(buyer)).map((m) => [m.last4, m.isDefault])).toEqual([
      ['4242', true],
      ['4444', false],
    ]);
    const row = await server.database.db
      .selectFrom('saved_payment_methods')
      .select(['provider_method_id', 'provider_customer_id'])
      .where('id', '=', saved.json().id)
      .executeTakeFirstOrThrow();
    expect(row.provider_method_id).toMatch(/^pm_/);
    expect(row.provider_customer_id).toBe(intent.customer);
  });

  it('uses one Stripe customer per buyer however many cards are added', async () => {
    const buyer = await createCustomer(server);
    const before = vault.stripe.customers.size;
    await saveStripeCard(buyer);
    await saveStripeCard(buyer);
    expect(vault.stripe.customers.size).toBe(before + 1);
  });

  it('refuses a setup that did not finish or belongs to another buyer', async () => {
    const owner = await createCustomer(server);
    const thief = await createCustomer(server);
    const setup = await ok<{ setupId: string }>(
      as(owner).post('/me/payment-methods/setup', { provider: 'stripe' }),
    );
    const unconfirmed = await as(owner).post('/me/payment-methods', {
      provider: 'stripe',
      setupId: setup.setupId,
    });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().type).toBe('/problems/payment-method-setup-unverified');
    await ok(as(thief).post('/me/payment-methods/setup', { provider: 'stripe' }));
    const stolen = await as(thief).post('/me/payment-methods', {
      provider: 'stripe',
      setupId: setup.setupId,
      testCard: 'pm_card_visa',
    });
    expect(stolen.statusCode).toBe(400);
    expect(await list(thief)).toEqual([]);
  });

  it('answers 400 for an unknown provider or a missing setup id, 401 without a token', async () => {
    const buyer = await createCustomer(server);
    expect((await as(buyer).post('/me/payment-methods/setup', { provider: 'cod' })).statusCode).toBe(400);
    expect((await as(buyer).post('/me/payment-methods', { provider: 'stripe' })).statusCode).toBe(400);
    expect((await anonymous(server).get('/me/payment-methods')).statusCode).toBe(401);
  });
});

describe('default and removal', () => {
  it('makes another card the default, leaving exactly one', async () => {
    const buyer = await createCustomer(server);
    await saveStripeCard(buyer);
    const other = await saveStripeCard(buyer, 'pm_card_mastercard');
    const made = await ok<Method>(as(buyer).post(`/me/payment-methods/${other.id}/default`));
    expect(made.isDefault).toBe(true);
    expect((await list(buyer)).filter((m) => m.isDefault).map((m) => m.id)).toEqual([other.id]);
  });

  it('leaves exactly one default when two calls race', async () => {
    const buyer = await createCustomer(server);
    const cards = [await saveStripeCard(buyer), await saveStripeCard(buyer), await saveStripeCard(buyer)];
    const answers = await Promise.all(
      [cards[1]!, cards[2]!, cards[1]!, cards[2]!].map((c) =>
        as(buyer).post(`/me/payment-methods/${c.id}/default`),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    expect((await list(buyer)).filter((m) => m.isDefault)).toHaveLength(1);
  });

  it('detaches a removed card at Stripe and makes the newest other card the default', async () => {
    const buyer = await createCustomer(server);
    const first = await saveStripeCard(buyer);
    const second = await saveStripeCard(buyer, 'pm_card_mastercard');
    const removed = await as(buyer).del(`/me/payment-methods/${first.id}`);
    expect(removed.statusCode).toBe(204);
    expect(await list(buyer)).toMatchObject([{ id: second.id, isDefault: true }]);
    const row = await server.database.db
      .selectFrom('saved_payment_methods')
      .select(['provider_method_id', 'removed_at', 'detached_at'])
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(row.removed_at).not.toBeNull();
    expect(row.detached_at).not.toBeNull();
    expect(vault.stripe.methods.get(row.provider_method_id)?.customer).toBeNull();
    expect((await as(buyer).del(`/me/payment-methods/${first.id}`)).statusCode).toBe(404);
  });

  it('removes a card at once when Stripe is down, and detaches it when the queued retry runs', async () => {
    const buyer = await createCustomer(server);
    const card = await saveStripeCard(buyer);
    const row = () =>
      server.database.db
        .selectFrom('saved_payment_methods')
        .select(['provider_method_id', 'detached_at'])
        .where('id', '=', card.id)
        .executeTakeFirstOrThrow();
    const path = `/v1/payment_methods/${(await row()).provider_method_id}/detach`;
    vault.failing.add(path);
    try {
      expect((await as(buyer).del(`/me/payment-methods/${card.id}`)).statusCode).toBe(204);
    } finally {
      vault.failing.delete(path);
    }
    expect(await list(buyer)).toEqual([]);
    expect((await row()).detached_at).toBeNull();
    await server.database.db
      .updateTable('jobs')
      .set({ run_at: new Date() })
      .where('queue', '=', 'payments.methods.detach')
      .where('dedupe_key', '=', `detach:${card.id}`)
      .execute();
    await server.worker.drain();
    expect((await row()).detached_at).not.toBeNull();
    expect(vault.stripe.methods.get((await row()).provider_method_id)?.customer).toBeNull();
  });

  it('lets only the owner see, default or remove a card; staff see none of it', async () => {
    const owner = await createCustomer(server);
    const other = await createCustomer(server);
    const admin = await createAdmin(server);
    const card = await saveStripeCard(owner);
    for (const user of [other, admin]) {
      expect(await list(user)).toEqual([]);
      expect((await as(user).post(`/me/payment-methods/${card.id}/default`)).statusCode).toBe(404);
      expect((await as(user).del(`/me/payment-methods/${card.id}`)).statusCode).toBe(404);
    }
    expect((await as(owner).del('/me/payment-methods/not-a-uuid')).statusCode).toBe(404);
    expect(await list(owner)).toHaveLength(1);
  });

  it('keeps stores apart: a card saved in one store is unknown in another', async () => {
    const storeB = await createStore(server, { name: 'Vault B' });
    const owner = await createCustomer(server);
    const card = await saveStripeCard(owner);
    const buyerB = await createCustomer(storeB);
    expect(await list(buyerB)).toEqual([]);
    expect((await as(buyerB).post(`/me/payment-methods/${card.id}/default`)).statusCode).toBe(404);
    expect((await as(buyerB).del(`/me/payment-methods/${card.id}`)).statusCode).toBe(404);
  });
});

describe('one-click checkout', () => {
  it('charges a saved Stripe card off-session through the buyer’s customer', async () => {
    const buyer = await createCustomer(server);
    const card = await saveStripeCard(buyer);
    const res = await payWith(buyer, await cartOf(buyer, 4_321), card);
    expect(res.statusCode).toBe(201);
    expect(res.json().payment).toMatchObject({ status: 'CAPTURED', cardLast4: '4242' });
    expect(res.json().order.status).toBe('PAID');
    const sent = new URLSearchParams(vault.savedCharges().at(-1)!.body);
    expect(sent.get('off_session')).toBe('true');
    expect(sent.get('confirm')).toBe('true');
    expect(sent.get('customer')).toMatch(/^cus_/);
    expect(sent.get('payment_method')).toMatch(/^pm_/);
  });

  it('answers a retried one-click checkout with the same order, charging once', async () => {
    const buyer = await createCustomer(server);
    const card = await saveStripeCard(buyer);
    const cartId = await cartOf(buyer);
    const before = vault.savedCharges().length;
    const body = { shippingAddress, payment: { provider: 'stripe' }, paymentMethodId: card.id };
    const key = { 'idempotency-key': `one-click-${card.id}` };
    const first = await as(buyer).post(`/carts/${cartId}/checkout`, body, key);
    const again = await as(buyer).post(`/carts/${cartId}/checkout`, body, key);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json().order.id).toBe(first.json().order.id);
    expect(again.json().payment.status).toBe('CAPTURED');
    expect(vault.savedCharges().length).toBe(before + 1);
  });

  it('records a card that needs the buyer present as a failed payment the buyer can retry', async () => {
    const buyer = await createCustomer(server);
    const card = await saveStripeCard(buyer, 'pm_card_authenticationRequired');
    const res = await payWith(buyer, await cartOf(buyer), card);
    expect(res.statusCode).toBe(201);
    expect(res.json().payment).toMatchObject({ status: 'FAILED', errorCode: 'authentication_required' });
    expect(res.json().order.status).toBe('PENDING');
  });

  it('refuses another buyer’s card, a removed card and a guest, charging nothing', async () => {
    const owner = await createCustomer(server);
    const other = await createCustomer(server);
    const card = await saveStripeCard(owner);
    const charges = vault.savedCharges().length;
    const foreign = await payWith(other, await cartOf(other), card);
    expect(foreign.statusCode).toBe(404);
    const guestCart = await createCart(server, [
      { offerId: (await createOffer(server, { stock: 5 })).offerId, quantity: 1 },
    ]);
    const guest = await checkout(server, guestCart, {
      email: 'guest@example.test',
      payment: { provider: 'stripe' },
      paymentMethodId: card.id,
    });
    expect(guest.statusCode).toBe(400);
    expect(guest.json().errors[0].pointer).toBe('/paymentMethodId');
    const wrongProvider = await checkout(owner, await cartOf(owner), {
      payment: { provider: 'razorpay' },
      paymentMethodId: card.id,
    });
    expect(wrongProvider.statusCode).toBe(400);
    await ok(as(owner).del(`/me/payment-methods/${card.id}`));
    const ownerCart = await cartOf(owner);
    const removed = await payWith(owner, ownerCart, card);
    expect(removed.statusCode).toBe(404);
    expect(vault.savedCharges().length).toBe(charges);
    // nothing was placed: the cart is still open
    expect((await as(owner).get(`/carts/${ownerCart}`)).statusCode).toBe(200);
  });

  it.runIf(onPostgres)('never charges a card removed while a checkout races it', async () => {
    for (let round = 0; round < 4; round++) {
      const buyer = await createCustomer(server);
      const card = await saveStripeCard(buyer);
      const cartId = await cartOf(buyer);
      const before = vault.savedCharges().length;
      const [paid, removed] = await Promise.all([
        payWith(buyer, cartId, card),
        as(buyer).del(`/me/payment-methods/${card.id}`),
      ]);
      expect(removed.statusCode).toBe(204);
      const charged = vault.savedCharges().slice(before);
      if (paid.statusCode === 201) {
        // the order took its hold on the card first; the removal waited for it
        expect(charged.length).toBe(1);
      } else {
        expect(paid.statusCode).toBe(404);
        expect(charged).toEqual([]);
      }
    }
  });
});

describe('Razorpay saved cards', () => {
  async function saveRazorpayCard(user: TestUser) {
    await ok(as(user).patch('/me', { phone: '+919812345678' }));
    const setup = await ok<{ setupId: string; nextAction: { customerId: string; orderId: string } }>(
      as(user).post('/me/payment-methods/setup', { provider: 'razorpay' }),
    );
    const token = vault.authorise(setup.nextAction.customerId, { last4: '1111', network: 'Visa' });
    return {
      setup,
      token,
      card: await ok<Method>(as(user).post('/me/payment-methods', { provider: 'razorpay', token })),
    };
  }

  it('saves the token the authorisation payment left on the buyer’s customer', async () => {
    const buyer = await createCustomer(server);
    const { setup, card } = await saveRazorpayCard(buyer);
    expect(setup.nextAction).toMatchObject({
      type: 'razorpay_checkout',
      recurring: '1',
      keyId: 'rzp_test_vault',
    });
    expect(vault.razorpay.customers.get(setup.nextAction.customerId)).toMatchObject({
      email: buyer.email,
      contact: '+919812345678',
    });
    const order = vault.calls.find(
      (c) => c.path === '/v1/orders' && c.body.includes(setup.nextAction.customerId),
    );
    expect(JSON.parse(order!.body)).toMatchObject({
      amount: 100,
      customer_id: setup.nextAction.customerId,
      method: 'card',
    });
    expect(card).toMatchObject({
      provider: 'razorpay',
      brand: 'visa',
      last4: '1111',
      expMonth: 11,
      expYear: 2031,
    });
  });

  it('refuses a token that is not on the buyer’s customer', async () => {
    const owner = await createCustomer(server);
    const { token } = await saveRazorpayCard(owner);
    const thief = await createCustomer(server);
    await ok(as(thief).post('/me/payment-methods/setup', { provider: 'razorpay' }));
    const res = await as(thief).post('/me/payment-methods', { provider: 'razorpay', token });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toBe('/token');
  });

  it('charges the saved token as a recurring payment and captures it', async () => {
    const buyer = await createCustomer(server);
    const { card, token } = await saveRazorpayCard(buyer);
    const res = await payWith(buyer, await cartOf(buyer, 7_700), card);
    expect(res.statusCode).toBe(201);
    expect(res.json().payment).toMatchObject({ status: 'CAPTURED', cardLast4: '1111' });
    const sent = JSON.parse(vault.savedCharges().at(-1)!.body);
    expect(sent).toMatchObject({ token, recurring: '1', contact: '+919812345678', email: buyer.email });
    expect(sent.amount).toBe(res.json().order.totals.total.amount);
  });

  it('deletes the token at Razorpay when the card is removed', async () => {
    const buyer = await createCustomer(server);
    const { card, setup } = await saveRazorpayCard(buyer);
    expect((await as(buyer).del(`/me/payment-methods/${card.id}`)).statusCode).toBe(204);
    expect(vault.razorpay.tokens.get(setup.nextAction.customerId)).toEqual([]);
  });
});

describe('production mode', () => {
  it('offers no test cards and never confirms a SetupIntent with one', async () => {
    const stripe = createStripeVault(
      { secretKey: 'sk_live_vault', apiBase: vault.apiBase },
      { testCards: false },
    );
    const customer = await stripe.createCustomer(
      { name: 'Prod Buyer', email: null, storeId: newId(), userId: newId() },
      `customer:${newId()}`,
    );
    const started = await stripe.startSetup(customer, `setup:${newId()}`);
    expect(started.nextAction.testCards).toBeUndefined();
    expect(
      await stripe.completeSetup(customer, { setupId: started.setupId, testCard: 'pm_card_visa' }),
    ).toBeNull();
    expect(vault.stripe.setupIntents.get(started.setupId)?.status).toBe('requires_payment_method');
  });
});
