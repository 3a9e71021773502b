// The checkout's statement budget: what one guest order (new cart, one line, checkout captured by
// the test provider) costs the database, counted at the driver. docs/performance.md lists the
// statements one by one; a change that adds one shows here first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { anonymous, createProduct, createUser, ok, shippingAddress } from '../kit/index.ts';
import { recordStatements } from '../statements.ts';

/**
 * What the checkout may cost today. The goal is 15 statements and 2 transactions in the request
 * and 10 statements of follow-up work (both reached); lower these as the path gets leaner. The
 * capture's `payments.payment.captured` event rides in the payment's update; analytics counting it
 * in its rollups takes 2 of the worker's 10 (the sale read, then one statement), the claims of
 * `worker.drain()`'s three rounds 3 (jobs and messages in one statement a round).
 * `workerPerOrder` is the follow-up work of `BATCH_ORDERS` orders drained together, per order: what
 * the worker costs when orders arrive faster than it claims.
 */
const BUDGET = { cart: 3, add: 9, checkout: 15, transactions: 2, worker: 10, workerPerOrder: 1 };
const BATCH_ORDERS = 10;

let server: TestServer;
let offerId: string;
beforeAll(async () => {
  // the requests' analytics capture is written in batches on a timer of its own (one write for many
  // requests, at most every ANALYTICS_FLUSH_MS): kept out of the windows measured, where it landed by chance
  server = await createTestServer({ config: { ANALYTICS_FLUSH_MS: 60_000 } });
  const admin = await createUser(server, { roles: ['ADMIN'] });
  const product = await createProduct(server, admin.headers, {
    price: 9_900,
    stock: 1_000,
    status: 'ACTIVE',
  });
  offerId = product.variants[0]!.offers[0]!.id;
}, 300_000);
afterAll(async () => server?.destroy());

const body = {
  email: 'budget@example.test',
  shippingAddress,
  payment: { provider: 'test', token: 'tok_success' },
};

/** The statements `work` sends through the server's pool. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const recorded = recordStatements(server.database.pool);
  try {
    await work();
    return recorded.statements();
  } finally {
    recorded.stop();
  }
}

/**
 * Transactions a list of statements commits: each BEGIN … COMMIT, and each write sent outside one
 * (a statement of its own is its own transaction).
 */
function transactionsOf(statements: string[]): number {
  let open = false;
  let count = 0;
  for (const s of statements) {
    const text = s.trim().toLowerCase();
    if (text.startsWith('begin')) {
      open = true;
      count++;
    } else if (text.startsWith('commit') || text.startsWith('rollback')) open = false;
    else if (!open && /^(insert|update|delete|with\b[\s\S]*\b(insert|update|delete)\b)/.test(text)) count++;
  }
  return count;
}

const listing = (statements: string[]) =>
  statements.map((s, i) => `${i + 1}. ${s.replace(/\s+/g, ' ').trim().slice(0, 160)}`).join('\n');

/** Fails with the statements listed, so the one that went over the budget is in the message. */
function withinBudget(what: string, statements: string[], budget: number) {
  expect(
    statements.length,
    `${what}: ${statements.length} statements\n${listing(statements)}`,
  ).toBeLessThanOrEqual(budget);
}

async function guestOrder() {
  const guest = anonymous(server);
  const cart = await ok<{ id: string }>(guest.post('/carts'));
  await ok(guest.post(`/carts/${cart.id}/items`, { offerId, quantity: 1 }));
  return ok<{ order: { status: string } }>(guest.post(`/carts/${cart.id}/checkout`, body));
}

describe('the checkout statement budget', () => {
  it('places and pays a guest order within its statements and transactions, and its follow-up work within its own', async () => {
    // a first order fills what the process keeps (pricing rules, a block of order numbers)
    await guestOrder();
    await server.worker.drain();

    const guest = anonymous(server);
    let cartId = '';
    const cart = await statementsOf(async () => {
      cartId = (await ok<{ id: string }>(guest.post('/carts'))).id;
    });
    const add = await statementsOf(() => ok(guest.post(`/carts/${cartId}/items`, { offerId, quantity: 1 })));
    let status = '';
    const checkout = await statementsOf(async () => {
      status = (await ok<{ order: { status: string } }>(guest.post(`/carts/${cartId}/checkout`, body))).order
        .status;
    });
    const worker = await statementsOf(() => server.worker.drain());

    expect(status).toBe('PAID');
    withinBudget('new cart', cart, BUDGET.cart);
    withinBudget('add to cart', add, BUDGET.add);
    withinBudget('checkout', checkout, BUDGET.checkout);
    expect(transactionsOf(checkout), `checkout transactions\n${listing(checkout)}`).toBeLessThanOrEqual(
      BUDGET.transactions,
    );
    withinBudget('follow-up work of the job worker', worker, BUDGET.worker);
  }, 120_000);

  it('leaves follow-up work per order that shrinks as orders are drained together', async () => {
    for (let i = 0; i < BATCH_ORDERS; i++) await guestOrder();
    const worker = await statementsOf(() => server.worker.drain());
    const perOrder = worker.length / BATCH_ORDERS;
    expect(
      perOrder,
      `${worker.length} statements for ${BATCH_ORDERS} orders\n${listing(worker)}`,
    ).toBeLessThanOrEqual(BUDGET.workerPerOrder);
  }, 120_000);
});
