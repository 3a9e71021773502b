import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import { anonymous, as, createProduct, createUser, type TestUser } from '../kit/index.ts';

let server: TestServer;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  admin = await createUser(server, { roles: ['ADMIN'] });
});
afterAll(async () => server?.destroy());

type H = Record<string, string>;

const address = (overrides: Record<string, string> = {}) => ({
  name: 'Asha Rao',
  line1: `${Math.floor(Math.random() * 1e6)} MG Road`,
  city: 'Bengaluru',
  state: 'KA',
  postalCode: '560001',
  country: 'IN',
  ...overrides,
});

async function offerOf(s: TestServer, headers: H, price = 5_000) {
  const p = await createProduct(s, headers, { price, stock: 500, status: 'ACTIVE' });
  return p.variants[0]!.offers[0]!.id as string;
}

/** A guest checkout of one unit from `remoteAddress`. */
async function guestCheckout(
  s: TestServer,
  offerId: string,
  body: { email: string; shippingAddress?: object; couponCode?: string; payment?: object },
  remoteAddress = '127.0.0.1',
) {
  const guest = anonymous(s, { from: remoteAddress });
  const cart = (await guest.post('/carts')).json();
  await guest.post(`/carts/${cart.id}/items`, { offerId, quantity: 1 });
  return guest.post(`/carts/${cart.id}/checkout`, {
    shippingAddress: address(),
    payment: { provider: 'cod' },
    ...body,
  });
}

const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

describe('guest cash-on-delivery limits', () => {
  it('refuses a fourth open guest COD order for one mailbox, however the address is written (409)', async () => {
    const offerId = await offerOf(server, admin.headers);
    const tag = newId().slice(-8);
    const spellings = [
      `jane.doe.${tag}@gmail.com`,
      `JaneDoe${tag}+shoes@GMAIL.com`,
      `j.a.n.e.d.o.e${tag}@googlemail.com`,
    ];
    const placed: string[] = [];
    for (const email of spellings) {
      const res = await guestCheckout(server, offerId, { email }, ip());
      expect(res.statusCode).toBe(201);
      placed.push(res.json().order.id);
    }
    const fourth = await guestCheckout(server, offerId, { email: `janedoe${tag}+again@gmail.com` }, ip());
    expect(fourth.statusCode).toBe(409);
    expect(fourth.headers['content-type']).toMatch(/problem\+json/);
    expect(fourth.json()).toMatchObject({ type: '/problems/guest-cod-limit', limit: 3 });
    // paying online is not limited, and a closed order frees a place
    const online = await guestCheckout(server, offerId, {
      email: `janedoe${tag}@gmail.com`,
      payment: { provider: 'test', token: 'tok_success' },
    });
    expect(online.statusCode).toBe(201);
    const cancel = await as(admin).post(`/admin/orders/${placed[0]}/status`, { status: 'CANCELLED' });
    expect(cancel.statusCode).toBe(200);
    expect(
      (await guestCheckout(server, offerId, { email: `jane.doe.${tag}@gmail.com` }, ip())).statusCode,
    ).toBe(201);
  });

  it('refuses a fourth open guest COD order for one phone, written in any format', async () => {
    const offerId = await offerOf(server, admin.headers);
    const n = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
    const phones = [`+9198${n}`, `098${n}`, `009198${n}`];
    for (const phone of phones) {
      const res = await guestCheckout(
        server,
        offerId,
        { email: `p-${newId()}@example.test`, shippingAddress: address({ phone }) },
        ip(),
      );
      expect(res.statusCode).toBe(201);
    }
    const fourth = await guestCheckout(
      server,
      offerId,
      { email: `p-${newId()}@example.test`, shippingAddress: address({ phone: `98${n}` }) },
      ip(),
    );
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().type).toBe('/problems/guest-cod-limit');
  });

  it('limits open guest COD orders per client address, and signed-in buyers are not guests', async () => {
    const s = await createTestServer({ config: { COD_GUEST_MAX_OPEN_ORDERS_PER_IP: 2 } });
    try {
      const staff = await createUser(s, { roles: ['ADMIN'] });
      const offerId = await offerOf(s, staff.headers);
      const from = '203.0.113.77';
      for (let i = 0; i < 2; i++)
        expect(
          (await guestCheckout(s, offerId, { email: `ip-${newId()}@example.test` }, from)).statusCode,
        ).toBe(201);
      const third = await guestCheckout(s, offerId, { email: `ip-${newId()}@example.test` }, from);
      expect(third.statusCode).toBe(409);
      expect(
        (await guestCheckout(s, offerId, { email: `ip-${newId()}@example.test` }, '203.0.113.78')).statusCode,
      ).toBe(201);
      const buyer = await createUser(s);
      const client = as(buyer, { from });
      const cart = (await client.post('/carts')).json();
      await client.post(`/carts/${cart.id}/items`, { offerId, quantity: 1 });
      const signedIn = await client.post(`/carts/${cart.id}/checkout`, {
        shippingAddress: address(),
        payment: { provider: 'cod' },
      });
      expect(signedIn.statusCode).toBe(201);
    } finally {
      await s.destroy();
    }
  });

  it('limits checkouts per client address and minute with 429 and Retry-After', async () => {
    const s = await createTestServer({ config: { CHECKOUT_RATE_LIMIT_PER_MINUTE: 3 } });
    try {
      const staff = await createUser(s, { roles: ['ADMIN'] });
      const offerId = await offerOf(s, staff.headers);
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await guestCheckout(
          s,
          offerId,
          { email: `rate-${newId()}@example.test`, payment: { provider: 'test', token: 'tok_success' } },
          '192.0.2.61',
        );
        codes.push(res.statusCode);
        if (res.statusCode === 429) {
          expect(res.headers['content-type']).toMatch(/problem\+json/);
          expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        }
      }
      expect(codes).toEqual([201, 201, 201, 429]);
      const other = await guestCheckout(
        s,
        offerId,
        { email: `rate-${newId()}@example.test`, payment: { provider: 'test', token: 'tok_success' } },
        '192.0.2.62',
      );
      expect(other.statusCode).toBe(201);
    } finally {
      await s.destroy();
    }
  });
});

describe('per-buyer coupon limits for guests', () => {
  async function onceCoupon() {
    const code = `ONCE${newId().slice(-8).toUpperCase()}`;
    const res = await as(admin).post('/admin/coupons', { code, type: 'AMOUNT', value: 100, perUserLimit: 1 });
    expect(res.statusCode).toBe(201);
    return code;
  }
  const paid = { provider: 'test', token: 'tok_success' };

  it('counts a guest by normalised email: a +tag or dots in a Gmail address are the same buyer', async () => {
    const offerId = await offerOf(server, admin.headers);
    const code = await onceCoupon();
    const tag = newId().slice(-8);
    const first = await guestCheckout(server, offerId, {
      email: `sam.lee${tag}@gmail.com`,
      couponCode: code,
      payment: paid,
    });
    expect(first.statusCode).toBe(201);
    const again = await guestCheckout(server, offerId, {
      email: `SamLee${tag}+deal@gmail.com`,
      couponCode: code,
      payment: paid,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('/problems/coupon-per-user-limit-reached');
  });

  it('counts a guest by phone and by shipping address, so a fresh email does not get the coupon again', async () => {
    const offerId = await offerOf(server, admin.headers);
    const code = await onceCoupon();
    const phone = `+9197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const home = address({ phone });
    const first = await guestCheckout(server, offerId, {
      email: `a-${newId()}@example.test`,
      shippingAddress: home,
      couponCode: code,
      payment: paid,
    });
    expect(first.statusCode).toBe(201);
    const samePhone = await guestCheckout(server, offerId, {
      email: `b-${newId()}@example.test`,
      shippingAddress: address({ phone: phone.replace('+91', '0') }),
      couponCode: code,
      payment: paid,
    });
    expect(samePhone.statusCode).toBe(409);
    const sameAddress = await guestCheckout(server, offerId, {
      email: `c-${newId()}@example.test`,
      shippingAddress: {
        ...home,
        phone: undefined,
        line1: home.line1.toUpperCase().replace(' MG ', ', M.G. '),
      },
      couponCode: code,
      payment: paid,
    });
    expect(sameAddress.statusCode).toBe(409);
    const stranger = await guestCheckout(server, offerId, {
      email: `d-${newId()}@example.test`,
      couponCode: code,
      payment: paid,
    });
    expect(stranger.statusCode).toBe(201);
  });
});
