// What the stock forecasts read of the other modules: the store's time zone and day (tenancy) and
// the units its offers sold per day (orders).
import { dayIn } from '../modules/analytics/index.ts';
import type { ForecastPorts } from '../modules/inventory/index.ts';
import { unitsSoldByDay } from '../modules/orders/index.ts';
import { storeSettings } from '../modules/tenancy/index.ts';

export const forecastPorts: ForecastPorts = {
  today: async (ctx) => {
    const { timeZone } = await storeSettings(ctx);
    return { timeZone, day: dayIn(new Date(), timeZone) };
  },
  unitsSold: (ctx, range) => unitsSoldByDay(ctx.db, ctx.storeId, range),
};
