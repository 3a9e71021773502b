import pg from 'pg';
import { newId } from '../../src/platform/ids.ts';
import { type BenchSuite, json, type LoadResult, loop, type RunningServer, startServer } from '../lib.ts';

/**
 * Checkout throughput: each order is a new guest cart, one add-to-cart and one checkout with the
 * test provider (capture at once), run by 16 and 64 concurrent buyers over HTTP against a
 * child-process server. Beside it, add-to-cart alone, and the database limit: the same writes of
 * one checkout (stock row lock and update, reservation, order, item, history, outbox event,
 * payment, cart) as one raw transaction in a driver loop on the same PostgreSQL.
 */
const address = {
  name: 'Bench',
  line1: '1 Road',
  city: 'Pune',
  state: 'MH',
  postalCode: '411001',
  country: 'IN',
};

async function hotOffers(server: RunningServer, n: number): Promise<string[]> {
  const login = await json(server, 'POST', '/api/v1/auth/login', {
    email: server.adminEmail,
    password: server.adminPassword,
  });
  const offers: string[] = [];
  for (let i = 0; i < n; i++) {
    const product = await json(
      server,
      'POST',
      '/api/v1/admin/products',
      {
        name: `Bench item ${i}`,
        status: 'ACTIVE',
        variants: [
          {
            sku: `BENCH-${i}-${newId().slice(-6)}`,
            price: { amount: 9_900, currency: 'INR' },
            stock: 10_000_000,
          },
        ],
      },
      login.accessToken,
    );
    offers.push(product.variants[0].offers[0].id);
  }
  return offers;
}

async function order(server: RunningServer, offerId: string) {
  const cart = await json(server, 'POST', '/api/v1/carts');
  await json(server, 'POST', `/api/v1/carts/${cart.id}/items`, { offerId, quantity: 1 });
  await json(server, 'POST', `/api/v1/carts/${cart.id}/checkout`, {
    email: 'bench@example.test',
    shippingAddress: address,
    payment: { provider: 'test', token: 'tok_success' },
  });
}

async function rawCheckoutLimit(url: string, concurrency: number, seconds: number): Promise<LoadResult> {
  const schema = `bench_raw_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema};
    CREATE TABLE stock (offer_id uuid PRIMARY KEY, on_hand bigint NOT NULL CHECK (on_hand >= 0), reserved bigint NOT NULL CHECK (reserved >= 0), CHECK (reserved <= on_hand));
    CREATE TABLE reservations (id uuid PRIMARY KEY, reference_id uuid NOT NULL, status text NOT NULL, expires_at timestamptz NOT NULL);
    CREATE TABLE orders (id uuid PRIMARY KEY, number bigint NOT NULL, status text NOT NULL, total bigint NOT NULL, shipping_address jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
    CREATE TABLE order_items (id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES orders (id), offer_id uuid NOT NULL, quantity int NOT NULL, unit_price bigint NOT NULL);
    CREATE TABLE history (id uuid PRIMARY KEY, order_id uuid NOT NULL, to_status text NOT NULL);
    CREATE TABLE outbox (id uuid PRIMARY KEY, name text NOT NULL, payload jsonb NOT NULL);
    CREATE TABLE payments (id uuid PRIMARY KEY, order_id uuid NOT NULL, status text NOT NULL, amount bigint NOT NULL);
    CREATE TABLE carts (id uuid PRIMARY KEY, status text NOT NULL);
    CREATE SEQUENCE numbers;
    INSERT INTO stock SELECT gen_random_uuid(), 100000000, 0 FROM generate_series(1, 4);`);
  const offers = (await admin.query<{ offer_id: string }>('SELECT offer_id FROM stock')).rows.map(
    (r) => r.offer_id,
  );
  const pool = new pg.Pool({ connectionString: url, max: concurrency, options: `-c search_path=${schema}` });
  try {
    return await loop(
      'raw SQL of one checkout (driver loop)',
      'postgres',
      concurrency,
      seconds,
      async (worker) => {
        const client = await pool.connect();
        try {
          const offer = offers[worker % offers.length]!;
          const [cart, order, reservation] = [newId(), newId(), newId()];
          await client.query('INSERT INTO carts VALUES ($1, $2)', [cart, 'ACTIVE']);
          await client.query('BEGIN');
          await client.query('SELECT id FROM carts WHERE id = $1 FOR UPDATE', [cart]);
          await client.query("INSERT INTO reservations VALUES ($1, $2, $3, now() + interval '15 minutes')", [
            reservation,
            order,
            'ACTIVE',
          ]);
          await client.query('SELECT on_hand FROM stock WHERE offer_id = $1 FOR NO KEY UPDATE', [offer]);
          await client.query('UPDATE stock SET reserved = reserved + 1 WHERE offer_id = $1', [offer]);
          await client.query("INSERT INTO orders VALUES ($1, nextval('numbers'), 'PENDING', 9900, $2)", [
            order,
            JSON.stringify(address),
          ]);
          await client.query('INSERT INTO order_items VALUES ($1, $2, $3, 1, 9900)', [newId(), order, offer]);
          await client.query("INSERT INTO history VALUES ($1, $2, 'PENDING')", [newId(), order]);
          await client.query("INSERT INTO outbox VALUES ($1, 'orders.order.placed', $2)", [
            newId(),
            JSON.stringify({ order }),
          ]);
          await client.query("INSERT INTO payments VALUES ($1, $2, 'PENDING', 9900)", [newId(), order]);
          await client.query("UPDATE carts SET status = 'CONVERTED' WHERE id = $1", [cart]);
          await client.query('COMMIT');
          await client.query('BEGIN');
          await client.query("UPDATE payments SET status = 'CAPTURED' WHERE order_id = $1", [order]);
          await client.query("UPDATE orders SET status = 'PAID' WHERE id = $1", [order]);
          await client.query(
            'UPDATE stock SET reserved = reserved - 1, on_hand = on_hand - 1 WHERE offer_id = $1',
            [offer],
          );
          await client.query("UPDATE reservations SET status = 'CONFIRMED' WHERE id = $1", [reservation]);
          await client.query("INSERT INTO history VALUES ($1, $2, 'PAID')", [newId(), order]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      },
    );
  } finally {
    await pool.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

const suite: BenchSuite = {
  name: 'checkout',
  description: 'orders per second (new cart + add + checkout per order), add-to-cart, and the raw-SQL limit',
  async run(options) {
    const rows: LoadResult[] = [];
    for (const db of options.databases) {
      const server = await startServer(db, options, { WORKER_ENABLED: 'true', DATABASE_POOL_MAX: '40' });
      try {
        const offers = await hotOffers(server, 4);
        for (const concurrency of [16, 64]) {
          rows.push(
            await loop('checkout (cart + add + checkout)', db, concurrency, options.durationSeconds, (w) =>
              order(server, offers[w % offers.length]!),
            ),
          );
        }
        rows.push(
          await loop('new cart + add to cart', db, 32, options.durationSeconds, async (w) => {
            const cart = await json(server, 'POST', '/api/v1/carts');
            await json(server, 'POST', `/api/v1/carts/${cart.id}/items`, {
              offerId: offers[w % offers.length],
              quantity: 1,
            });
          }),
        );
      } finally {
        await server.stop();
      }
    }
    if (options.databases.includes('postgres')) {
      for (const concurrency of [16, 64])
        rows.push(await rawCheckoutLimit(options.postgresUrl, concurrency, options.durationSeconds));
    }
    return rows;
  },
};
export default suite;
