import { sql } from 'kysely';
import { newId } from '../../src/platform/ids.ts';
import type { Server } from '../../src/server.ts';
import type { TestOffer } from './catalog.ts';

/**
 * Past sales of `offer`, written straight into orders and order items (a history checkout cannot
 * make): `units[i]` units on one order placed at noon UTC of the day `units.length - i` days before
 * `today` (the last element: the day before it). Orders are DELIVERED and paid unless `status` says.
 */
export async function sellDaily(
  server: Server,
  offer: TestOffer,
  units: number[],
  options: { today: string; storeId?: string; status?: string },
): Promise<void> {
  const storeId = options.storeId ?? server.modules.tenancy.defaultStore().id;
  const sold = units.flatMap((q, i) => (q > 0 ? [{ q, ago: units.length - i }] : []));
  const noon = Date.parse(`${options.today}T12:00:00Z`);
  const at = sold.map((s) => new Date(noon - s.ago * 86_400_000).toISOString());
  await sql`
    WITH o AS (
      SELECT * FROM unnest(${sold.map(() => newId())}::uuid[], ${at}::timestamptz[], ${sold.map((s) => s.q)}::int[])
        AS t(id, at, q)
    ), orders_in AS (
      INSERT INTO orders (id, store_id, number, email, status, payment_status, payment_provider, currency,
        subtotal_amount, total_amount, shipping_address, billing_address, placed_at, created_at, updated_at)
      SELECT id, ${storeId}, 'S-' || id, 'sales@example.test', ${options.status ?? 'DELIVERED'}, 'CAPTURED', 'test',
        'INR', q * 100, q * 100, '{}'::jsonb, '{}'::jsonb, at, at, at
      FROM o
    )
    INSERT INTO order_items (id, store_id, order_id, offer_id, product_id, variant_id, seller_id, name, sku,
      unit_price_amount, quantity, subtotal_amount, created_at)
    SELECT gen_random_uuid(), ${storeId}, id, ${offer.offerId}, ${offer.productId}, ${offer.variantId},
      ${offer.sellerId}, 'Sold item', 'S', 100, q, q * 100, at
    FROM o`.execute(server.database.db);
}
