// What campaigns reads and uses of the other modules: its target as set-based SQL of identity's
// customers and orders' buyers, its messages through notifications (the CAMPAIGN type, so
// preferences, quiet hours and unsubscribe apply), their counts, the orders it earned, and the
// coupons, groups, categories, products and sellers a campaign may name.
import { sql } from 'kysely';
import type { CampaignPorts, CampaignTarget } from '../modules/campaigns/index.ts';
import type { CatalogModule } from '../modules/catalog/index.ts';
import { contacts, customerIds, type IdentityModule } from '../modules/identity/index.ts';
import { campaignClicks, campaignStats, type NotificationsModule } from '../modules/notifications/index.ts';
import { attributedSales, type BuyerRules, buyerConditions } from '../modules/orders/index.ts';
import type { PromotionsModule } from '../modules/promotions/index.ts';
import { storeCurrency } from '../modules/tenancy/index.ts';
import type { Ctx } from '../platform/http/context.ts';

const DAY_MS = 86_400_000;

export interface CampaignWiring {
  identity: IdentityModule;
  catalog: CatalogModule;
  promotions: PromotionsModule;
  notifications: NotificationsModule;
}

export function campaignPorts(w: CampaignWiring): CampaignPorts {
  return {
    audience: (ctx, target) => audience(w, ctx, target),
    deliver: async (ctx, page) => {
      const found = await contacts.many(ctx, page.userIds);
      const recipients = page.userIds.flatMap((id) => {
        const c = found.get(id);
        return c ? [{ userId: c.userId, name: c.name, email: c.email, phone: c.phone }] : [];
      });
      const outcome = await w.notifications.dispatcher.dispatchCampaign(ctx, {
        campaignId: page.campaignId,
        channels: page.channels,
        recipients,
        data: { campaign: templateData(page.content) },
      });
      const gone = page.userIds.filter((id) => !found.has(id));
      return { reached: outcome.reached, skipped: outcome.skipped, gone };
    },
    messageStats: (ctx, campaignId) => campaignStats(ctx.db, ctx.storeId, campaignId),
    attributed: (ctx, a) =>
      attributedSales(ctx.db, ctx.storeId, {
        couponCode: a.couponCode,
        clicks: campaignClicks(ctx.storeId, a.campaignId),
        windowDays: a.windowDays,
        since: a.since,
      }),
    currency: async (ctx) => (await storeCurrency(ctx.db, ctx.storeId)).trim(),
    coupon: (ctx, code) => w.promotions.service.couponByCode(ctx, code),
    missingGroup: async (ctx, groupId) =>
      w.identity.service.groups.get(ctx, groupId).then(
        () => false,
        () => true,
      ),
    missingCategories: async (ctx, ids) => {
      const { all } = await w.catalog.service.categories.index(ctx);
      const known = new Set(all.map((c) => c.id));
      return ids.filter((id) => !known.has(id));
    },
    missingProducts: async (ctx, ids) => {
      const known = new Set((await w.catalog.service.ratings.names(ctx, ids)).map((p) => p.id));
      return ids.filter((id) => !known.has(id));
    },
    isSeller: (ctx, userId) => w.identity.service.holdsRole(ctx, userId, 'SELLER'),
  };
}

/** The target as one subquery of user ids: identity's customers, narrowed by orders' rules. */
async function audience(w: CampaignWiring, ctx: Ctx, target: CampaignTarget) {
  switch (target.kind) {
    case 'EVERYONE':
      return customerIds(ctx.storeId);
    case 'GROUP':
      return customerIds(ctx.storeId, { groupId: target.groupId });
    case 'LIST':
      return customerIds(ctx.storeId, { list: { userIds: target.userIds, emails: target.emails } });
    case 'SEGMENT': {
      const { boughtInCategory, spentOver, inactiveDays } = target.rules;
      const ago = (days: number) => new Date(Date.now() - days * DAY_MS);
      const quietSince = inactiveDays === undefined ? undefined : ago(inactiveDays);
      const rules: BuyerRules = { spentOver, noOrderSince: quietSince };
      if (boughtInCategory)
        rules.boughtIn = {
          categoryIds: await withDescendants(w, ctx, boughtInCategory.categoryId),
          since: ago(boughtInCategory.days),
        };
      const base = customerIds(ctx.storeId, { quietSince });
      const conditions = buyerConditions(ctx.storeId, sql.ref('b.user_id'), rules);
      if (conditions.length === 0) return base;
      return sql<{ user_id: string }>`
        SELECT b.user_id FROM (${base}) b WHERE ${sql.join(conditions, sql` AND `)}`;
    }
  }
}

/** A category and every category below it (the tree is cached by the catalog). */
async function withDescendants(w: CampaignWiring, ctx: Ctx, categoryId: string): Promise<string[]> {
  const { all } = await w.catalog.service.categories.index(ctx);
  return all.filter((c) => c.id === categoryId || (c.path ?? []).includes(categoryId)).map((c) => c.id);
}

/** What the CAMPAIGN templates show: the text as written (escaped in HTML) and its paragraphs. */
function templateData(content: Parameters<CampaignPorts['deliver']>[1]['content']) {
  return {
    name: content.name,
    subject: content.subject,
    body: content.body,
    paragraphs: content.body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    couponCode: content.couponCode ?? '',
    url: content.linkUrl ?? '',
    endsAt: content.endsAt ? content.endsAt.toISOString().slice(0, 10) : '',
  };
}
