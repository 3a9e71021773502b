// Quotes owns B2B leads (seed 000 Leads): a buyer's or a guest's request for a quote on items, the
// quote staff answer with, every status the lead went through, its thread, and the sweep that
// expires quotes past their validity.
import path from 'node:path';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import type { QuotePorts } from './quotes.ports.ts';
import { quotesRoutes } from './quotes.routes.ts';
import { QuotesService } from './quotes.service.ts';

export { LeadNotFound, QuoteExpired } from './quotes.errors.ts';
export { QuoteEvents } from './quotes.events.ts';
export { type QuotedOffer, type QuoteHold, type QuotePorts, UnavailableStock } from './quotes.ports.ts';
export { QuotesService } from './quotes.service.ts';

const EXPIRE_QUEUE = 'quotes.expire';

export interface QuotesModule extends BazaarModule {
  service: QuotesService;
}

export function createQuotesModule(platform: Platform, ports: QuotePorts): QuotesModule {
  const service = new QuotesService(ports, platform.jobs);
  platform.jobs.handle(EXPIRE_QUEUE, async (job) => {
    const expired = await service.expireDue(job);
    if (expired) job.log.info({ expired }, 'quotes past their validity expired');
  });
  platform.jobs.schedule(EXPIRE_QUEUE, '*/5 * * * *', EXPIRE_QUEUE);
  return {
    name: 'quotes',
    migrations: path.join(import.meta.dirname, 'migrations'),
    service,
    routes: quotesRoutes(service, platform.config.RATE_LIMIT_LEADS_PER_MINUTE),
  };
}
