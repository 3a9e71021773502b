// Staff's campaigns: create, list, read with metrics, change before the send, compute the target's
// snapshot, send and cancel. Every call takes an ADMIN holding campaigns:manage.
import { pick, recordAudit } from '../../platform/audit/audit.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { requirePermission } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { decodeCursor, IdCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { CampaignNotEditable, CampaignNotFound, CampaignTransitionNotAllowed } from './campaigns.errors.ts';
import type { CampaignPorts } from './campaigns.ports.ts';
import { presentCampaign } from './campaigns.presenters.ts';
import type { CampaignChanges, CampaignRow } from './campaigns.repository.ts';
import * as repo from './campaigns.repository.ts';
import type {
  CampaignInput,
  CampaignMetrics,
  CampaignPatch,
  CampaignQuery,
  CampaignStatus,
} from './campaigns.schemas.ts';
import type { CampaignSender } from './campaigns.sender.ts';
import { canMove, isEditable } from './campaigns.status.ts';
import * as targets from './campaigns.targets.repository.ts';
import { checkCampaign } from './campaigns.validation.ts';

/** Orders within this many days after a click on the campaign's link count for it. */
export const CLICK_WINDOW_DAYS = 7;

/** What the trail keeps of a campaign: what staff set, not the counters the send moves. */
const AUDITED = [
  'name',
  'type',
  'status',
  'seller_id',
  'product_ids',
  'category_ids',
  'channels',
  'coupon_code',
  'subject',
  'body',
  'link_url',
  'target',
  'starts_at',
  'ends_at',
  'send_at',
] as const;

const at = (text: string | null | undefined) => (text ? new Date(text) : null);

export class CampaignsService {
  constructor(
    private readonly ports: CampaignPorts,
    readonly sender: CampaignSender,
  ) {}

  async list(ctx: Ctx, query: CampaignQuery) {
    requirePermission(ctx, 'campaigns:manage');
    const after = decodeCursor(query.cursor, IdCursor)?.id;
    const rows = await repo.listCampaigns(ctx.db, ctx.storeId, { ...query, after });
    return toPage(
      rows,
      query.limit,
      (r) => presentCampaign(r),
      (r) => ({ id: r.id }),
    );
  }

  async create(ctx: Ctx, input: CampaignInput) {
    const actor = requirePermission(ctx, 'campaigns:manage');
    await checkCampaign(ctx, this.ports, input, { sendAtChanged: Boolean(input.sendAt) });
    const fields = {
      id: newId(),
      store_id: ctx.storeId,
      name: input.name,
      type: input.type,
      status: (input.sendAt ? 'SCHEDULED' : 'DRAFT') as CampaignStatus,
      seller_id: input.sellerId ?? null,
      product_ids: input.productIds ?? [],
      category_ids: input.categoryIds ?? [],
      channels: input.channels,
      coupon_code: input.couponCode ?? null,
      subject: input.subject,
      body: input.body,
      link_url: input.linkUrl ?? null,
      target: JSON.stringify(input.target),
      starts_at: at(input.startsAt),
      ends_at: at(input.endsAt),
      send_at: at(input.sendAt),
      targeted_count: null,
      targeted_at: null,
      send_started_at: null,
      sent_at: null,
      cancelled_at: null,
      created_by: actor.userId,
    };
    const row = await transaction(ctx.db, async (trx) => {
      const created = await repo.insertCampaign(trx, fields);
      await recordAudit(withDb(ctx, trx), {
        entityType: 'campaign',
        entityId: created.id,
        action: 'create',
        after: pick(created, AUDITED),
      });
      return created;
    });
    return presentCampaign(row);
  }

  async get(ctx: Ctx, id: string) {
    requirePermission(ctx, 'campaigns:manage');
    const row = await this.load(ctx, id);
    return presentCampaign(row, await this.metrics(ctx, row));
  }

  /** Changes a DRAFT or SCHEDULED campaign; a new target drops the snapshot (computed again at send). */
  async update(ctx: Ctx, id: string, patch: CampaignPatch) {
    requirePermission(ctx, 'campaigns:manage');
    const current = await this.load(ctx, id);
    if (!isEditable(current.status)) throw new CampaignNotEditable(current.status);
    const merged = { ...inputOf(current), ...definedOf(patch) };
    await checkCampaign(ctx, this.ports, merged, { sendAtChanged: patch.sendAt !== undefined });
    const changes = changesOf(patch);
    if (patch.sendAt !== undefined) changes.status = patch.sendAt ? 'SCHEDULED' : 'DRAFT';
    if (patch.target) Object.assign(changes, { targeted_count: null, targeted_at: null });
    const row = await transaction(ctx.db, async (trx) => {
      const moved = await repo.updateCampaign(trx, ctx.storeId, id, ['DRAFT', 'SCHEDULED'], changes);
      if (!moved) throw new CampaignNotEditable((await this.load(withDb(ctx, trx), id)).status);
      await recordAudit(withDb(ctx, trx), {
        entityType: 'campaign',
        entityId: id,
        action: 'update',
        before: pick(current, AUDITED),
        after: pick(moved, AUDITED),
      });
      if (patch.target) await targets.clearTargets(trx, ctx.storeId, id);
      return moved;
    });
    return presentCampaign(row);
  }

  /** Computes the target's snapshot now (replacing any earlier one); how many users it holds. */
  async target(ctx: Ctx, id: string) {
    requirePermission(ctx, 'campaigns:manage');
    return transaction(ctx.db, async (trx) => {
      const c = withDb(ctx, trx);
      const campaign = await repo.findCampaign(trx, ctx.storeId, isUuid(id) ? id : newId(), true);
      if (!campaign) throw new CampaignNotFound();
      if (!isEditable(campaign.status)) throw new CampaignNotEditable(campaign.status);
      const targeted = await this.sender.snapshot(c, campaign);
      const targetedAt = new Date();
      await repo.updateCampaign(trx, ctx.storeId, id, [campaign.status], {
        targeted_count: targeted,
        targeted_at: targetedAt,
      });
      return { targeted, targetedAt: targetedAt.toISOString() };
    });
  }

  async send(ctx: Ctx, id: string) {
    requirePermission(ctx, 'campaigns:manage');
    if (!isUuid(id)) throw new CampaignNotFound();
    return presentCampaign(await this.sender.start(ctx, id));
  }

  /** Stops a campaign not yet sent; a send in progress stops after the page in hand. */
  async cancel(ctx: Ctx, id: string) {
    requirePermission(ctx, 'campaigns:manage');
    const current = await this.load(ctx, id);
    if (!canMove(current.status, 'CANCELLED'))
      throw new CampaignTransitionNotAllowed(current.status, 'CANCELLED');
    const row = await transaction(ctx.db, async (trx) => {
      const moved = await repo.updateCampaign(trx, ctx.storeId, id, [current.status], {
        status: 'CANCELLED',
        cancelled_at: new Date(),
      });
      if (!moved) throw new CampaignTransitionNotAllowed((await this.load(ctx, id)).status, 'CANCELLED');
      await recordAudit(withDb(ctx, trx), {
        entityType: 'campaign',
        entityId: id,
        action: 'cancel',
        before: { status: current.status },
        after: { status: moved.status },
      });
      return moved;
    });
    return presentCampaign(row);
  }

  /** Targets by outcome, messages by channel (the notifications log), orders and revenue attributed. */
  async metrics(ctx: Ctx, row: CampaignRow): Promise<CampaignMetrics> {
    const [counts, byChannel, currency] = await Promise.all([
      targets.targetCounts(ctx.db, ctx.storeId, row.id),
      this.ports.messageStats(ctx, row.id),
      this.ports.currency(ctx),
    ]);
    const sales = row.send_started_at
      ? await this.ports.attributed(ctx, {
          campaignId: row.id,
          couponCode: row.coupon_code,
          since: row.send_started_at,
          windowDays: CLICK_WINDOW_DAYS,
        })
      : { orders: 0, revenue: 0, byCoupon: 0, byClick: 0 };
    const sum = (key: 'sent' | 'queued' | 'failed' | 'opened' | 'clicked') =>
      byChannel.reduce((n, c) => n + c[key], 0);
    return {
      ...counts,
      sent: sum('sent'),
      queued: sum('queued'),
      failed: sum('failed'),
      opened: sum('opened'),
      clicked: sum('clicked'),
      byChannel,
      orders: sales.orders,
      ordersByCoupon: sales.byCoupon,
      ordersByClick: sales.byClick,
      revenue: { amount: sales.revenue, currency },
    };
  }

  private async load(ctx: Ctx, id: string): Promise<CampaignRow> {
    const row = isUuid(id) ? await repo.findCampaign(ctx.db, ctx.storeId, id) : undefined;
    if (!row) throw new CampaignNotFound();
    return row;
  }
}

/** A stored campaign as the input it was made from, to check a change against the whole. */
function inputOf(row: CampaignRow): CampaignInput {
  const {
    id,
    status,
    targetedCount,
    targetedAt,
    sendStartedAt,
    sentAt,
    cancelledAt,
    createdAt,
    updatedAt,
    ...input
  } = presentCampaign(row);
  return input;
}

function definedOf(patch: CampaignPatch): Partial<CampaignInput> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
}

function changesOf(p: CampaignPatch): CampaignChanges & { status?: CampaignStatus } {
  const c: CampaignChanges = {};
  if (p.name !== undefined) c.name = p.name;
  if (p.type !== undefined) c.type = p.type;
  if (p.channels !== undefined) c.channels = p.channels;
  if (p.subject !== undefined) c.subject = p.subject;
  if (p.body !== undefined) c.body = p.body;
  if (p.target !== undefined) c.target = JSON.stringify(p.target);
  if (p.sellerId !== undefined) c.seller_id = p.sellerId;
  if (p.productIds !== undefined) c.product_ids = p.productIds;
  if (p.categoryIds !== undefined) c.category_ids = p.categoryIds;
  if (p.couponCode !== undefined) c.coupon_code = p.couponCode;
  if (p.linkUrl !== undefined) c.link_url = p.linkUrl;
  if (p.startsAt !== undefined) c.starts_at = at(p.startsAt);
  if (p.endsAt !== undefined) c.ends_at = at(p.endsAt);
  if (p.sendAt !== undefined) c.send_at = at(p.sendAt);
  return c;
}
