// Campaigns owns a store's marketing messages (seed 000 Campaigns): what a campaign says, on which
// channels, with which coupon, to whom (a snapshot of user ids computed in pages), and its send by
// the job worker through notifications, one message per user and channel (decision 027).
import path from 'node:path';
import { systemCtx } from '../../platform/http/context.ts';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { CampaignEvents } from './campaigns.events.ts';
import type { CampaignPorts } from './campaigns.ports.ts';
import { campaignsRoutes } from './campaigns.routes.ts';
import { CampaignSender, DUE_QUEUE, SEND_QUEUE } from './campaigns.sender.ts';
import { CampaignsService } from './campaigns.service.ts';

export { CampaignEvents } from './campaigns.events.ts';
export type {
  CampaignPorts,
  CouponFacts,
  DeliveryOutcome,
  DeliveryPage,
  MessageStats,
} from './campaigns.ports.ts';
export type { Target as CampaignTarget } from './campaigns.schemas.ts';
export { CampaignSender, DUE_QUEUE, SEND_PAGE, SEND_QUEUE, SNAPSHOT_PAGE } from './campaigns.sender.ts';
export { CampaignsService, CLICK_WINDOW_DAYS } from './campaigns.service.ts';

export interface CampaignsModule extends BazaarModule {
  service: CampaignsService;
}

export function createCampaignsModule(platform: Platform, ports: CampaignPorts): CampaignsModule {
  const { jobs, database } = platform;
  const sender = new CampaignSender(ports, jobs);
  const service = new CampaignsService(ports, sender);
  // a send runs as jobs of one queue: the start event's, then the ones each run hands over to
  jobs.subscribe<{ campaignId: string }>(CampaignEvents.sendStarted, SEND_QUEUE, async (job) => {
    if (!job.storeId) return;
    const ctx = systemCtx(database.forStore(job.storeId), job.storeId, job.log, { reason: SEND_QUEUE });
    const handled = await sender.run(ctx, job.payload.campaignId);
    job.log.info({ campaignId: job.payload.campaignId, handled }, 'campaign targets handled');
  });
  jobs.handle(DUE_QUEUE, async (job) => {
    const started = await sender.startDue(job.db, (storeId) => database.forStore(storeId), job.log);
    if (started) job.log.info({ started }, 'scheduled campaigns started');
  });
  jobs.schedule(DUE_QUEUE, '* * * * *', DUE_QUEUE);
  return {
    name: 'campaigns',
    migrations: path.join(import.meta.dirname, 'migrations'),
    service,
    routes: campaignsRoutes(service),
  };
}
