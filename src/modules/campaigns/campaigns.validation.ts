// A campaign's fields checked against the store: dates in order, a schedule in the future, the
// coupon (promotions) usable and of the campaign's kind, and every group, category, product and
// seller it names the store's own. Each refusal is a 400 pointing at its field; nothing is written.
import type { Ctx } from '../../platform/http/context.ts';
import { CampaignInvalid } from './campaigns.errors.ts';
import type { CampaignPorts } from './campaigns.ports.ts';
import type { CampaignInput } from './campaigns.schemas.ts';

export async function checkCampaign(
  ctx: Ctx,
  ports: CampaignPorts,
  input: CampaignInput,
  options: { sendAtChanged: boolean },
): Promise<void> {
  checkDates(input, options.sendAtChanged);
  await checkCoupon(ctx, ports, input);
  const target = input.target;
  if (target.kind === 'GROUP' && (await ports.missingGroup(ctx, target.groupId)))
    throw new CampaignInvalid('/target/groupId', 'No such user group in this store.');
  const category = target.kind === 'SEGMENT' ? target.rules.boughtInCategory?.categoryId : undefined;
  if (category && (await ports.missingCategories(ctx, [category])).length > 0)
    throw new CampaignInvalid('/target/rules/boughtInCategory/categoryId', 'No such category in this store.');
  const categories = await ports.missingCategories(ctx, input.categoryIds ?? []);
  if (categories.length > 0)
    throw new CampaignInvalid(
      `/categoryIds/${(input.categoryIds ?? []).indexOf(categories[0]!)}`,
      'No such category in this store.',
    );
  const products = await ports.missingProducts(ctx, input.productIds ?? []);
  if (products.length > 0)
    throw new CampaignInvalid(
      `/productIds/${(input.productIds ?? []).indexOf(products[0]!)}`,
      'No such product in this store.',
    );
  if (input.sellerId && !(await ports.isSeller(ctx, input.sellerId)))
    throw new CampaignInvalid('/sellerId', 'No such seller in this store.');
}

function checkDates(input: CampaignInput, sendAtChanged: boolean): void {
  const starts = input.startsAt ? Date.parse(input.startsAt) : null;
  const ends = input.endsAt ? Date.parse(input.endsAt) : null;
  if (starts !== null && ends !== null && ends <= starts)
    throw new CampaignInvalid('/endsAt', 'A campaign ends after it starts.');
  if (sendAtChanged && input.sendAt && Date.parse(input.sendAt) <= Date.now())
    throw new CampaignInvalid('/sendAt', 'Schedule the send for a time in the future.');
}

/** Discount campaigns carry a money-off coupon, free-shipping ones a free-shipping coupon. */
async function checkCoupon(ctx: Ctx, ports: CampaignPorts, input: CampaignInput): Promise<void> {
  const needs = input.type === 'DISCOUNT' || input.type === 'FREE_SHIPPING';
  if (!input.couponCode) {
    if (needs)
      throw new CampaignInvalid('/couponCode', 'This kind of campaign carries a coupon.', 'coupon-required');
    return;
  }
  const coupon = await ports.coupon(ctx, input.couponCode);
  if (!coupon) throw new CampaignInvalid('/couponCode', 'No such coupon in this store.', 'coupon-unknown');
  if (!coupon.active || (coupon.expiresAt && coupon.expiresAt.getTime() <= Date.now()))
    throw new CampaignInvalid('/couponCode', 'The coupon is inactive or expired.', 'coupon-not-usable');
  const shipping = coupon.type === 'FREE_SHIPPING';
  if (input.type === 'FREE_SHIPPING' && !shipping)
    throw new CampaignInvalid('/couponCode', 'A free-shipping campaign carries a free-shipping coupon.');
  if (input.type === 'DISCOUNT' && shipping)
    throw new CampaignInvalid('/couponCode', 'A discount campaign carries a coupon that takes money off.');
}
