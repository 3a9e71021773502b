import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  as,
  createAdmin,
  createCoupon,
  createCustomer,
  serviceCtx,
  type TestUser,
} from '../../../test/kit/index.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { withDb } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { couponEffect } from './promotions.coupons.ts';
import type { CouponRow } from './promotions.repository.ts';

let server: TestServer;
let admin: TestUser;
let customer: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  admin = await createAdmin(server);
  customer = await createCustomer(server);
});
afterAll(async () => server?.destroy());

const promotions = () => server.modules.promotions.service;
const basket = (subtotal: number) => ({ subtotal, shipping: 500, currency: 'INR' });

let n = 0;
const code = () => `SAVE${++n}X${newId().slice(-6).toUpperCase()}`;

describe('coupon administration', () => {
  it('creates coupons of each type and refuses a duplicate code in any case', async () => {
    const c = code();
    const res = await as(admin).post('/admin/coupons', {
      code: c.toLowerCase(),
      type: 'PERCENT',
      value: 1000,
      maxDiscountAmount: 5_000,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: c,
      type: 'PERCENT',
      value: 1000,
      currency: 'INR',
      usedCount: 0,
    });
    expect((await as(admin).post('/admin/coupons', { code: c, type: 'AMOUNT', value: 100 })).statusCode).toBe(
      409,
    );
    expect((await as(admin).post('/admin/coupons', { code: code(), type: 'FREE_SHIPPING' })).statusCode).toBe(
      201,
    );
  });

  it('rejects invalid coupons with pointers', async () => {
    const res = await as(admin).post('/admin/coupons', { code: 'has space', type: 'PERCENT', value: 20_000 });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/code', '/value']);
    expect(
      (await as(admin).post('/admin/coupons', { code: code(), type: 'AMOUNT', value: -5 })).statusCode,
    ).toBe(400);
  });

  it('is for admins only', async () => {
    expect(
      (await as(customer).post('/admin/coupons', { code: code(), type: 'AMOUNT', value: 100 })).statusCode,
    ).toBe(403);
    expect((await as(customer).get('/admin/coupons')).statusCode).toBe(403);
  });

  it('refuses a change that would leave a coupon inconsistent', async () => {
    const c = await createCoupon(server, { type: 'PERCENT', value: 1_000, startsAt: '2030-01-01T00:00:00Z' });
    const patch = (body: object) => as(admin).patch(`/admin/coupons/${c.id}`, body);
    for (const [body, pointer] of [
      [{ value: 0 }, '/value'],
      [{ value: 20_000 }, '/value'],
      [{ expiresAt: '2029-01-01T00:00:00Z' }, '/expiresAt'],
    ] as const) {
      const res = await patch(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].pointer).toBe(pointer);
    }
    expect((await patch({ value: 1_500 })).json().value).toBe(1_500);
  });

  it('adjusts points only for users of the store', async () => {
    for (const id of ['not-a-user', '01900000-0000-7000-8000-000000000abc']) {
      const res = await as(admin).post(`/admin/users/${id}/rewards`, { points: 5, note: 'x' });
      expect(res.statusCode).toBe(404);
    }
  });

  it('deactivates a coupon, after which it no longer applies', async () => {
    const c = await createCoupon(server, { type: 'AMOUNT', value: 100 });
    const res = await as(admin).patch(`/admin/coupons/${c.id}`, { active: false });
    expect(res.json().active).toBe(false);
    const ctx = serviceCtx(server, customer);
    await expect(
      promotions().quoteCoupon(ctx, c.code, basket(1_000), { userId: customer.id, email: null }),
    ).rejects.toMatchObject({ status: 400, code: 'coupon-inactive' });
  });
});

describe('coupon rules', () => {
  const ctx = () => serviceCtx(server, customer);
  const buyer = () => ({ userId: customer.id, email: null });

  it('caps a percentage at the maximum discount and an amount at the subtotal', async () => {
    const pct = await createCoupon(server, { type: 'PERCENT', value: 2_000, maxDiscountAmount: 3_000 });
    expect((await promotions().quoteCoupon(ctx(), pct.code, basket(10_000), buyer())).discount).toBe(2_000);
    expect((await promotions().quoteCoupon(ctx(), pct.code, basket(50_000), buyer())).discount).toBe(3_000);
    const amt = await createCoupon(server, { type: 'AMOUNT', value: 5_000 });
    expect((await promotions().quoteCoupon(ctx(), amt.code, basket(1_200), buyer())).discount).toBe(1_200);
  });

  it('refuses unknown, expired, not yet valid and below-minimum coupons', async () => {
    const q = (c: string, subtotal = 10_000) => promotions().quoteCoupon(ctx(), c, basket(subtotal), buyer());
    await expect(q('NOPE-NOPE')).rejects.toMatchObject({ status: 400, code: 'coupon-unknown' });
    const past = await createCoupon(server, {
      type: 'AMOUNT',
      value: 100,
      expiresAt: '2020-01-01T00:00:00Z',
    });
    await expect(q(past.code)).rejects.toMatchObject({ code: 'coupon-expired' });
    const future = await createCoupon(server, {
      type: 'AMOUNT',
      value: 100,
      startsAt: '2099-01-01T00:00:00Z',
    });
    await expect(q(future.code)).rejects.toMatchObject({ code: 'coupon-not-started' });
    const min = await createCoupon(server, { type: 'AMOUNT', value: 100, minOrderAmount: 20_000 });
    await expect(q(min.code)).rejects.toMatchObject({ code: 'coupon-minimum-not-met' });
  });

  it('rejects a coupon past its usage limit when 50 checkouts race for 10 uses', async () => {
    const c = await createCoupon(server, { type: 'AMOUNT', value: 100, usageLimit: 10 });
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        transaction(server.database.db, (trx) =>
          promotions().redeemCoupon(withDb(ctx(), trx), {
            couponId: c.id,
            orderId: newId(),
            discount: 100,
            buyer: { userId: null, email: `${newId()}@example.test` },
            basket: basket(1_000),
          }),
        ),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(10);
    const rejected = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(rejected.every((r) => r.reason.code === 'coupon-usage-limit-reached')).toBe(true);
    const after = await server.database.db
      .selectFrom('coupons')
      .select('used_count')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(after.used_count).toBe(10);
  });

  it('enforces the per-user limit and gives the use back when the order is cancelled', async () => {
    const c = await createCoupon(server, { type: 'AMOUNT', value: 100, perUserLimit: 1 });
    const order = newId();
    const redeem = (orderId: string) =>
      transaction(server.database.db, (trx) =>
        promotions().redeemCoupon(withDb(ctx(), trx), {
          couponId: c.id,
          orderId,
          discount: 100,
          buyer: buyer(),
          basket: basket(1_000),
        }),
      );
    await redeem(order);
    await expect(redeem(newId())).rejects.toMatchObject({
      status: 409,
      code: 'coupon-per-user-limit-reached',
    });
    await transaction(server.database.db, (trx) => promotions().releaseCoupon(withDb(ctx(), trx), order));
    await transaction(server.database.db, (trx) => promotions().releaseCoupon(withDb(ctx(), trx), order));
    await redeem(newId());
    const after = await server.database.db
      .selectFrom('coupons')
      .select('used_count')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(after.used_count).toBe(1);
  });

  it('never gives a negative discount or more than the items cost', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('AMOUNT', 'PERCENT', 'FREE_SHIPPING'),
        fc.integer({ min: 1, max: 10_000 }),
        fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (type, value, cap, subtotal) => {
          const coupon = { type, value, max_discount_amount: cap } as CouponRow;
          const { discount } = couponEffect(coupon, { subtotal, shipping: 0, currency: 'INR' });
          return (
            Number.isInteger(discount) &&
            discount >= 0 &&
            discount <= subtotal &&
            (type !== 'PERCENT' || cap === null || discount <= cap)
          );
        },
      ),
    );
  });
});

describe('reward points', () => {
  it("shows the store's staff a user's balance and ledger, and no one else", async () => {
    const user = await createCustomer(server);
    await as(admin).post(`/admin/users/${user.id}/rewards`, { points: 250, note: 'welcome' });
    const seen = await as(admin).get(`/admin/users/${user.id}/rewards`);
    expect(seen.json()).toMatchObject({
      balance: 250,
      items: [{ points: 250, type: 'ADJUST', note: 'welcome' }],
    });
    expect((await as(user).get(`/admin/users/${user.id}/rewards`)).statusCode).toBe(403);
    const unknown = await as(admin).get('/admin/users/01900000-0000-7000-8000-000000000abc/rewards');
    expect(unknown.statusCode).toBe(404);
  });

  it('keeps the balance equal to the ledger and refuses an overdraft', async () => {
    const user = await createCustomer(server);
    const adjust = (points: number) =>
      as(admin).post(`/admin/users/${user.id}/rewards`, { points, note: 'goodwill' });
    expect((await adjust(100)).json().balance).toBe(100);
    const ctx = serviceCtx(server, user);
    const order = newId();
    await transaction(server.database.db, (trx) =>
      promotions().redeemForOrder(withDb(ctx, trx), { userId: user.id, orderId: order, points: 60 }),
    );
    await expect(
      transaction(server.database.db, (trx) =>
        promotions().redeemForOrder(withDb(ctx, trx), { userId: user.id, orderId: newId(), points: 60 }),
      ),
    ).rejects.toMatchObject({ status: 409, code: 'insufficient-reward-points' });
    const mine = await as(user).get('/me/rewards');
    expect(mine.json()).toMatchObject({ balance: 40, pointValue: { amount: 100, currency: 'INR' } });
    expect(mine.json().items.map((e: { points: number }) => e.points)).toEqual([-60, 100]);
    await transaction(server.database.db, (trx) =>
      promotions().reverseForOrder(withDb(ctx, trx), { userId: user.id, orderId: order }),
    );
    await transaction(server.database.db, (trx) =>
      promotions().reverseForOrder(withDb(ctx, trx), { userId: user.id, orderId: order }),
    );
    expect(await promotions().balance(ctx, user.id)).toBe(100);
    expect(await promotions().ledgerSum(ctx, user.id)).toBe(100);
  });

  it('lets only as many racing redemptions through as the balance covers', async () => {
    const user = await createCustomer(server);
    const ctx = serviceCtx(server, user);
    await promotions().addEntry(ctx, {
      userId: user.id,
      type: 'ADJUST',
      reason: 'ADMIN',
      points: 100,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        transaction(server.database.db, (trx) =>
          promotions().redeemForOrder(withDb(ctx, trx), { userId: user.id, orderId: newId(), points: 20 }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(await promotions().balance(ctx, user.id)).toBe(0);
    expect(await promotions().ledgerSum(ctx, user.id)).toBe(0);
  });

  it('earns points for an order once', async () => {
    const user = await createCustomer(server);
    const ctx = serviceCtx(server, user);
    const orderId = newId();
    expect(await promotions().earnForOrder(ctx, { userId: user.id, orderId, points: 25 })).toBe(true);
    expect(await promotions().earnForOrder(ctx, { userId: user.id, orderId, points: 25 })).toBe(false);
    expect(await promotions().balance(ctx, user.id)).toBe(25);
  });
});
