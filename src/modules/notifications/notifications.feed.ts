import { requireActor, requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { decodeCursor, IdCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid } from '../../platform/ids.ts';
import { NotificationNotFound } from './notifications.errors.ts';
import * as repo from './notifications.repository.ts';

const presentItem = (row: repo.FeedRow) => ({
  id: row.id,
  type: row.type,
  title: row.subject ?? '',
  body: row.body,
  createdAt: row.created_at,
  readAt: row.read_at,
});

const presentLog = (row: repo.LogRow) => ({
  id: row.id,
  userId: row.user_id,
  recipient: row.recipient,
  channel: row.channel,
  type: row.type,
  language: row.language,
  templateVersion: row.template_version,
  subject: row.subject,
  priority: row.priority,
  status: row.status,
  attempts: row.attempts,
  providerMessageId: row.provider_message_id,
  error: row.error,
  scheduledAt: row.scheduled_at,
  sentAt: row.sent_at,
  deliveredAt: row.delivered_at,
  openedAt: row.opened_at,
  clickedAt: row.clicked_at,
  readAt: row.read_at,
  createdAt: row.created_at,
});

/** The signed-in user's in-app notifications (another user's are 404), and the store's delivery log. */
export class FeedService {
  async list(ctx: Ctx, query: { limit: number; cursor?: string | undefined }) {
    const actor = requireActor(ctx);
    const after = decodeCursor(query.cursor, IdCursor)?.id;
    const rows = await repo.listFeed(ctx.db, ctx.storeId, actor.userId, {
      limit: query.limit,
      ...(after ? { after } : {}),
    });
    const page = toPage(rows, query.limit, presentItem, (r) => ({ id: r.id }));
    return { ...page, unreadCount: await repo.unreadCount(ctx.db, ctx.storeId, actor.userId) };
  }

  async unread(ctx: Ctx) {
    const actor = requireActor(ctx);
    return { unreadCount: await repo.unreadCount(ctx.db, ctx.storeId, actor.userId) };
  }

  async read(ctx: Ctx, id: string) {
    const actor = requireActor(ctx);
    const row = isUuid(id) ? await repo.markRead(ctx.db, ctx.storeId, actor.userId, id) : undefined;
    if (!row) throw new NotificationNotFound();
    return presentItem(row);
  }

  async readAll(ctx: Ctx) {
    const actor = requireActor(ctx);
    const updated = await repo.markAllRead(ctx.db, ctx.storeId, actor.userId);
    return { updated, unreadCount: 0 };
  }

  async log(ctx: Ctx, query: { limit: number; cursor?: string | undefined } & repo.LogFilter) {
    requireRole(ctx, 'ADMIN');
    const after = decodeCursor(query.cursor, IdCursor)?.id;
    const { status, channel, type, recipient } = query;
    const rows = await repo.listLog(ctx.db, ctx.storeId, {
      limit: query.limit,
      status,
      channel,
      type,
      recipient,
      ...(after ? { after } : {}),
    });
    return toPage(rows, query.limit, presentLog, (r) => ({ id: r.id }));
  }
}
