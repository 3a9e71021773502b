import { z } from 'zod';
import type { ZodApp } from '../../platform/http/app.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { IdParams } from '../../platform/schemas.ts';
import {
  AdjustBody,
  CouponBody,
  CouponList,
  CouponPatch,
  CouponView,
  PageQuery,
  RewardsView,
} from './promotions.schemas.ts';
import type { PromotionsService } from './promotions.service.ts';

const bearer = [{ bearer: [] }];
const admin = { tags: ['admin', 'promotions'], security: bearer };

export function promotionsRoutes(
  promotions: PromotionsService,
  storeCurrency: (storeId: string) => Promise<string>,
  userOfStore: (ctx: Ctx, userId: string) => Promise<unknown>,
) {
  return (app: ZodApp) => {
    app.post(
      '/admin/coupons',
      {
        schema: {
          ...admin,
          summary: 'Create a coupon (ADMIN)',
          body: CouponBody,
          response: { 201: CouponView },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await promotions.createCoupon(req.ctx, req.body, await storeCurrency(req.ctx.storeId))),
    );
    app.get(
      '/admin/coupons',
      {
        schema: {
          ...admin,
          summary: 'Coupons, newest first (ADMIN)',
          querystring: PageQuery,
          response: { 200: CouponList },
        },
      },
      async (req) => promotions.listCoupons(req.ctx, req.query),
    );
    app.get(
      '/admin/coupons/:id',
      {
        schema: {
          ...admin,
          summary: 'A coupon with its usage count (ADMIN)',
          params: IdParams,
          response: { 200: CouponView },
        },
      },
      async (req) => promotions.getCoupon(req.ctx, req.params.id),
    );
    app.patch(
      '/admin/coupons/:id',
      {
        schema: {
          ...admin,
          summary: 'Change or deactivate a coupon (ADMIN)',
          params: IdParams,
          body: CouponPatch,
          response: { 200: CouponView },
        },
      },
      async (req) => promotions.updateCoupon(req.ctx, req.params.id, req.body),
    );
    app.get(
      '/me/rewards',
      {
        schema: {
          tags: ['account', 'promotions'],
          security: bearer,
          summary: 'Reward points balance and history',
          querystring: PageQuery,
          response: { 200: RewardsView },
        },
      },
      async (req) => promotions.myRewards(req.ctx, req.query, await storeCurrency(req.ctx.storeId)),
    );
    app.get(
      '/admin/users/:id/rewards',
      {
        schema: {
          ...admin,
          summary: 'A user’s reward points balance and history (ADMIN)',
          params: IdParams,
          querystring: PageQuery,
          response: { 200: RewardsView },
        },
      },
      async (req) => {
        await userOfStore(req.ctx, req.params.id); // 404 for anyone who is not a user of this store
        return promotions.rewardsOfUser(
          req.ctx,
          req.params.id,
          req.query,
          await storeCurrency(req.ctx.storeId),
        );
      },
    );
    app.post(
      '/admin/users/:id/rewards',
      {
        schema: {
          ...admin,
          summary: 'Adjust a user’s reward points (ADMIN)',
          params: IdParams,
          body: AdjustBody,
          response: { 200: z.object({ balance: z.number().int() }) },
        },
      },
      async (req) => {
        await userOfStore(req.ctx, req.params.id); // 404 for anyone who is not a user of this store
        return promotions.adjustPoints(req.ctx, req.params.id, req.body.points, req.body.note);
      },
    );
  };
}
