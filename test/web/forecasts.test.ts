import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  createAdmin,
  createOffers,
  createSeller,
  sellDaily,
  serviceCtx,
  type TestOffer,
  type TestUser,
} from '../kit/index.ts';
import {
  expectAccessible,
  haveChromium,
  launch,
  listenForBrowser,
  release,
  screenshot,
  signInToConsole,
} from './browser.ts';

// Stock forecasts in a real browser: staff find the offer about to run out at the top of the
// reorder suggestions, open it and read its days of cover and suggested reorder; a new offer says
// it has no forecast; a seller reads its own offer's forecast in /seller.
const browserOrSkip = haveChromium || process.env.CI ? describe : describe.skip;

let server: TestServer;
let base: string;
let browser: Browser;
let admin: TestUser;
let seller: TestUser;
let urgent: TestOffer;
let plenty: TestOffer;
let fresh: TestOffer;
let sellers: TestOffer;
const today = new Date().toISOString().slice(0, 10);
const days = (n: number, f: (t: number) => number) => Array.from({ length: n }, (_, t) => f(t));
const short = (id: string) => `…${id.slice(-8)}`;

beforeAll(async () => {
  server = await createTestServer();
  base = await listenForBrowser(server);
  admin = await createAdmin(server);
  seller = await createSeller(server, { businessName: 'Forecast Traders' });
  [urgent, plenty, fresh] = (await createOffers(server, 3, { stock: 10 })) as [
    TestOffer,
    TestOffer,
    TestOffer,
  ];
  [sellers] = (await createOffers(server, 1, { seller, stock: 40 })) as [TestOffer];
  // 10 units selling 5 a day: 2 days of cover; the second offer is topped up to 100 days
  await sellDaily(
    server,
    urgent,
    days(56, () => 5),
    { today },
  );
  await sellDaily(
    server,
    plenty,
    days(56, () => 5),
    { today },
  );
  await sellDaily(
    server,
    sellers,
    days(56, (t) => (t % 7 === 5 ? 8 : 2)),
    { today },
  );
  await server.modules.inventory.service.receive(serviceCtx(server, null), {
    offerId: plenty.offerId,
    quantity: 490,
  });
  await server.modules.inventory.forecasts.run(serviceCtx(server, null), { today });
  browser = await launch();
});
afterAll(async () => {
  await release(browser);
  await server?.destroy();
});

browserOrSkip('stock forecasts', () => {
  it('lists the offer about to run out, and shows its days of cover and suggested reorder', async () => {
    const page = await signInToConsole(browser, `${base}/admin/inventory/reorder`, admin);
    await page.getByRole('heading', { name: 'Reorder suggestions' }).waitFor();
    const table = page.getByRole('table', { name: 'Reorder suggestions' });
    await table.getByRole('link', { name: short(urgent.offerId) }).waitFor();
    expect(await table.getByRole('link', { name: short(plenty.offerId) }).count()).toBe(0);
    await page.getByRole('button', { name: 'Download reorder suggestions CSV' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'forecast-reorder-suggestions');

    await table.getByRole('link', { name: short(urgent.offerId) }).click();
    const forecast = page.getByRole('region', { name: 'Forecast' });
    await forecast.getByText('2 days').waitFor();
    // 14 days (lead time 7 + review 7) of 5 units, less the 10 available
    await forecast.getByText('60 units', { exact: false }).waitFor();
    await forecast.getByText('35 in 7 days', { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'forecast-offer');
  });

  it('says a new offer has no forecast instead of inventing one', async () => {
    const page = await signInToConsole(browser, `${base}/admin/inventory/offers/${fresh.offerId}`, admin);
    await page.getByText('No forecast: no sales in the history.').waitFor();
  });

  it("shows a seller its own offer's forecast", async () => {
    const page = await signInToConsole(browser, `${base}/seller/offers/${sellers.offerId}`, seller);
    const forecast = page.getByRole('region', { name: 'Forecast' });
    await forecast.getByText('Holt-Winters (weekly season)', { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'forecast-seller-offer');
  });
});
