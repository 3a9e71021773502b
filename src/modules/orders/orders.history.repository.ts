// SQL of the demo history: past orders written set-based (generate_series), so a year of 100,000
// orders takes seconds. Each is DELIVERED and paid (captured), of one line of a given offer, placed
// at a random time of the last `days` days; its id is time-ordered by when it was placed. Like a
// real shop's, the history has something to learn (the stock forecasts' backtest runs on it): the
// first offers sell far more than the last (offer rank drawn as the square of a uniform number),
// weekends sell more than weekdays, and the shop grows over the period.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export interface HistoryOffer {
  offerId: string;
  productId: string;
  variantId: string;
  sellerId: string;
  categoryId: string | null;
  name: string;
  sku: string;
  price: number;
}

export interface HistoryOrder {
  id: string;
  total: number;
  provider: string;
  placedAt: Date;
}

const ADDRESS = JSON.stringify({
  name: 'Demo Buyer',
  line1: '1 Market Street',
  city: 'Bengaluru',
  state: 'KA',
  postalCode: '560001',
  country: 'IN',
});

/**
 * Writes `count` past orders (a fifth cash on delivery) of `offers` with their items, numbered
 * `H{run}-{n}`; answers what a payment of each needs.
 */
export async function insertHistory(
  db: Db,
  storeId: string,
  spec: { run: string; days: number; count: number; currency: string; offers: HistoryOffer[] },
): Promise<HistoryOrder[]> {
  const o = spec.offers;
  const { rows } = await sql<{ id: string; total: string; provider: string; placed_at: Date }>`
    WITH offer AS (
      SELECT * FROM unnest(${o.map((x) => x.offerId)}::uuid[], ${o.map((x) => x.productId)}::uuid[],
        ${o.map((x) => x.variantId)}::uuid[], ${o.map((x) => x.sellerId)}::uuid[],
        ${o.map((x) => x.categoryId)}::uuid[], ${o.map((x) => x.name)}::text[], ${o.map((x) => x.sku)}::text[],
        ${o.map((x) => x.price)}::bigint[])
        WITH ORDINALITY AS t(offer_id, product_id, variant_id, seller_id, category_id, name, sku, price, n)
    ), candidate AS (
      SELECT i, now() - random() * ${spec.days} * interval '1 day' AS placed_at,
             1 + floor(power(random(), 2) * ${o.length})::int AS n, 1 + floor(random() * 3)::int AS qty,
             CASE WHEN random() < 0.2 THEN 'cod' ELSE 'test' END AS provider,
             md5(random()::text || i::text) AS r
      FROM generate_series(1, ${spec.count}::int * 3 + 50) AS i
    ), picked AS MATERIALIZED (
      -- weekends busier than weekdays, and the recent days busier than the first (a growing shop)
      SELECT * FROM candidate
      WHERE random() < (CASE WHEN extract(isodow FROM placed_at) IN (6, 7) THEN 1.0 ELSE 0.6 END)
        * (0.6 + 0.4 * (1 - extract(epoch FROM now() - placed_at) / (${spec.days} * 86400.0)))
      LIMIT ${spec.count}::int
    ), g AS MATERIALIZED (
      SELECT p.*, offer.*, offer.price * p.qty AS subtotal,
        (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-8' || substr(r, 4, 3) || '-' || substr(r, 7, 12))::uuid AS order_id,
        (substr(r, 13, 8) || '-' || substr(r, 21, 4) || '-4' || substr(r, 25, 3) || '-8' || substr(r, 28, 3) || '-' || substr(md5(r), 1, 12))::uuid AS item_id
      FROM picked p JOIN offer USING (n),
        LATERAL (SELECT lpad(to_hex((extract(epoch FROM p.placed_at) * 1000)::bigint), 12, '0') AS h) AS ms
    ), orders_in AS (
      INSERT INTO orders (id, store_id, number, email, status, payment_status, payment_provider, currency,
        subtotal_amount, total_amount, shipping_address, billing_address, placed_at, paid_at, shipped_at,
        delivered_at, created_at, updated_at)
      SELECT order_id, ${storeId}, 'H' || ${spec.run} || '-' || i, 'history-' || i || '@example.test', 'DELIVERED',
        'CAPTURED', provider, ${spec.currency}, subtotal, subtotal, ${ADDRESS}::jsonb, ${ADDRESS}::jsonb,
        placed_at, placed_at, placed_at + interval '1 day', placed_at + interval '3 days', placed_at, placed_at
      FROM g
      RETURNING id, total_amount, payment_provider, placed_at
    ), items_in AS (
      INSERT INTO order_items (id, store_id, order_id, offer_id, product_id, variant_id, seller_id, name, sku,
        category_id, unit_price_amount, quantity, subtotal_amount, fulfillment_status, created_at)
      SELECT item_id, ${storeId}, order_id, offer_id, product_id, variant_id, seller_id, name, sku,
        category_id, price, qty, subtotal, 'DELIVERED', placed_at
      FROM g
    )
    SELECT id, total_amount::text AS total, payment_provider AS provider, placed_at FROM orders_in`.execute(
    db,
  );
  return rows.map((r) => ({
    id: r.id,
    total: Number(r.total),
    provider: r.provider,
    placedAt: new Date(r.placed_at),
  }));
}
