// The send of a campaign, by the job worker: the snapshot of its target computed in pages, the
// start (by hand or by the scheduler at `sendAt`), then pages of targets claimed with FOR UPDATE
// SKIP LOCKED and messaged through notifications, each page's messages and outcomes in one
// transaction, so a replayed or raced page messages nobody twice (decision 027).
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { type Ctx, systemCtx, withDb } from '../../platform/http/context.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Logger } from '../../platform/observability/logger.ts';
import { CampaignNotFound, CampaignTransitionNotAllowed } from './campaigns.errors.ts';
import { CampaignEvents } from './campaigns.events.ts';
import type { CampaignPorts } from './campaigns.ports.ts';
import type { CampaignRow } from './campaigns.repository.ts';
import * as repo from './campaigns.repository.ts';
import { canMove } from './campaigns.status.ts';
import * as targets from './campaigns.targets.repository.ts';

/** Users written per statement of the snapshot. */
export const SNAPSHOT_PAGE = 5_000;
/** Users messaged per transaction of the send. */
export const SEND_PAGE = 500;
/** Pages one job runs before it hands the rest to a job of its own (others may run beside it). */
const PAGES_PER_RUN = 20;

export const SEND_QUEUE = 'campaigns.send';
export const DUE_QUEUE = 'campaigns.start-due';

export class CampaignSender {
  constructor(
    private readonly ports: CampaignPorts,
    private readonly jobs: Jobs,
  ) {}

  /** Replaces the campaign's snapshot with its target now, page by page; how many users it holds. */
  async snapshot(ctx: Ctx, campaign: CampaignRow): Promise<number> {
    const audience = await this.ports.audience(ctx, campaign.target);
    await targets.clearTargets(ctx.db, ctx.storeId, campaign.id);
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const page = await targets.insertTargetPage(ctx.db, {
        storeId: ctx.storeId,
        campaignId: campaign.id,
        audience,
        after,
        size: SNAPSHOT_PAGE,
      });
      total += page.count;
      if (page.count < SNAPSHOT_PAGE || page.last === null) return total;
      after = page.last;
    }
  }

  /**
   * Moves the campaign to SENDING and publishes the start, in one transaction; a campaign whose
   * target was never computed (or changed since) gets its snapshot first.
   */
  async start(ctx: Ctx, id: string): Promise<CampaignRow> {
    return transaction(ctx.db, async (trx) => {
      const c = withDb(ctx, trx);
      const campaign = await repo.findCampaign(trx, ctx.storeId, id, true);
      if (!campaign) throw new CampaignNotFound();
      if (!canMove(campaign.status, 'SENDING'))
        throw new CampaignTransitionNotAllowed(campaign.status, 'SENDING');
      const now = new Date();
      const snapshot =
        campaign.targeted_at === null
          ? { targeted_count: await this.snapshot(c, campaign), targeted_at: now }
          : {};
      const moved = await repo.updateCampaign(trx, ctx.storeId, id, [campaign.status], {
        ...snapshot,
        status: 'SENDING',
        send_started_at: now,
      });
      if (!moved) throw new CampaignTransitionNotAllowed(campaign.status, 'SENDING');
      await recordAudit(c, {
        entityType: 'campaign',
        entityId: id,
        action: 'send',
        before: { status: campaign.status },
        after: { status: moved.status, targeted_count: moved.targeted_count },
      });
      await this.jobs.publish(trx, {
        name: CampaignEvents.sendStarted,
        storeId: ctx.storeId,
        payload: { campaignId: id },
      });
      return moved;
    });
  }

  /**
   * One job's share of a send: pages until none is left (then the campaign is SENT) or until
   * PAGES_PER_RUN, when a new job takes over the rest. Answers how many targets it handled.
   */
  async run(ctx: Ctx, campaignId: string): Promise<number> {
    let handled = 0;
    for (let i = 0; i < PAGES_PER_RUN; i++) {
      const n = await this.page(ctx, campaignId);
      if (n === 0) {
        await this.finish(ctx, campaignId);
        return handled;
      }
      handled += n;
    }
    await this.jobs.enqueue(ctx.db, { queue: SEND_QUEUE, storeId: ctx.storeId, payload: { campaignId } });
    return handled;
  }

  /** Claims a page of targets, messages them and records each one's outcome, in one transaction. */
  async page(ctx: Ctx, campaignId: string, size = SEND_PAGE): Promise<number> {
    return transaction(ctx.db, async (trx) => {
      const campaign = await repo.findCampaign(trx, ctx.storeId, campaignId);
      if (campaign?.status !== 'SENDING') return 0;
      const userIds = await targets.claimPending(trx, ctx.storeId, campaignId, size);
      if (userIds.length === 0) return 0;
      const outcome = await this.ports.deliver(withDb(ctx, trx), {
        campaignId,
        channels: campaign.channels,
        userIds,
        content: {
          name: campaign.name,
          subject: campaign.subject,
          body: campaign.body,
          couponCode: campaign.coupon_code,
          linkUrl: campaign.link_url,
          endsAt: campaign.ends_at,
        },
      });
      await targets.recordOutcomes(trx, ctx.storeId, campaignId, {
        MESSAGED: outcome.reached,
        SKIPPED: outcome.skipped,
        GONE: outcome.gone,
      });
      return userIds.length;
    });
  }

  /** SENT once no target is left (another worker may still hold a page: it finishes then). */
  private async finish(ctx: Ctx, campaignId: string): Promise<void> {
    await transaction(ctx.db, async (trx) => {
      if (await targets.anyPending(trx, ctx.storeId, campaignId)) return;
      await repo.updateCampaign(trx, ctx.storeId, campaignId, ['SENDING'], {
        status: 'SENT',
        sent_at: new Date(),
      });
    });
  }

  /** The scheduler: starts every scheduled campaign whose `sendAt` has come, in any store. */
  async startDue(db: Db, forStore: (storeId: string) => Db, log: Logger): Promise<number> {
    const due = await repo.dueCampaigns(db, 100);
    let started = 0;
    for (const { id, store_id } of due) {
      const ctx = systemCtx(forStore(store_id), store_id, log, { reason: DUE_QUEUE });
      try {
        await this.start(ctx, id);
        started++;
      } catch (error) {
        // cancelled or started by hand in between: nothing to do
        if (!(error instanceof CampaignTransitionNotAllowed)) throw error;
      }
    }
    return started;
  }
}
