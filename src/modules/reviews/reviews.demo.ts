// Demo reviews for `npm start` in development: a few published reviews on the first demo products,
// by made-up buyers (no accounts, so none is a verified purchase), with the aggregates and the
// catalog's ratings rebuilt from them, so every rating the demo shows is explained by its reviews.
import type { Ctx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import type { BulkReview } from './reviews.repository.ts';
import * as repo from './reviews.repository.ts';
import type { ReviewsService } from './reviews.service.ts';

const PRODUCTS = 40;
const NAMES = ['Asha K.', 'Rahul M.', 'Priya S.', 'Vikram N.', 'Meera J.', 'Arjun P.', 'Neha R.', 'Kabir D.'];
const TEXTS: Record<number, Array<[string, string]>> = {
  5: [
    ['Excellent', 'Exactly as described and arrived well packed. Would buy again.'],
    ['Love it', 'Great quality for the price; using it every day.'],
  ],
  4: [
    ['Very good', 'Does the job well. The box was a little dented but the product is fine.'],
    ['Good value', 'Solid build, quick delivery. One star off for the manual.'],
  ],
  3: [['It is okay', 'Works, but nothing special. Expected a bit more for the price.']],
  2: [['Disappointing', 'Stopped working properly after two weeks.']],
  1: [['Not as described', 'The colour and size were different from the pictures.']],
};

/** A small deterministic generator, so the same demo catalog gets the same reviews anywhere. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const STARS = [5, 5, 5, 4, 4, 4, 3, 2, 1, 5];

/** The reviews of the store's first products; nothing when the store already has reviews. */
export async function seedDemoReviews(ctx: Ctx, service: ReviewsService): Promise<number> {
  if (await repo.anyReviews(ctx.db, ctx.storeId)) return 0;
  const products = await service.ports.firstProducts(ctx, PRODUCTS);
  const rows: BulkReview[] = [];
  const start = Date.now() - 90 * 86_400_000;
  products.forEach((product, p) => {
    const rand = random(p * 2654435761 + 7);
    const count = 1 + Math.floor(rand() * 8);
    for (let n = 0; n < count; n++) {
      const rating = STARS[Math.floor(rand() * STARS.length)]!;
      const texts = TEXTS[rating]!;
      const [title, body] = texts[Math.floor(rand() * texts.length)]!;
      rows.push({
        id: newId(),
        store_id: ctx.storeId,
        product_id: product.id,
        user_id: newId(),
        author_name: NAMES[(p + n) % NAMES.length]!,
        seller_id: product.sellerId,
        verified_purchase: false,
        rating,
        delivery_rating: rand() < 0.6 ? Math.max(1, rating - Math.floor(rand() * 2)) : null,
        seller_rating: rand() < 0.6 ? Math.max(1, rating - Math.floor(rand() * 2)) : null,
        title,
        body,
        status: 'PUBLISHED',
        helpful_count: Math.floor(rand() * 12),
        created_at: new Date(start + Math.floor(rand() * 89 * 86_400_000)),
      });
    }
  });
  await service.importReviews(ctx, rows);
  ctx.log.info({ reviews: rows.length, products: products.length }, 'demo reviews seeded');
  return rows.length;
}
