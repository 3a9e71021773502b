import type { Ctx } from '../../platform/http/context.ts';
import { isUuid } from '../../platform/ids.ts';
import { InvalidLink } from './notifications.errors.ts';
import type { Links } from './notifications.links.ts';
import type { PreferenceService } from './notifications.preferences.ts';
import * as repo from './notifications.repository.ts';
import { isSecurity, type NotificationType, TYPE_NAMES } from './notifications.types.ts';

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * What the links in a mail do when followed, without signing in: the open pixel and the click
 * redirect record the first open and click; the unsubscribe link turns that type's mail off.
 */
export class MailLinks {
  readonly pixel = PIXEL;

  constructor(
    private readonly links: Links,
    private readonly preferences: PreferenceService,
  ) {}

  /** Records the open; a forged token changes nothing (the pixel is answered anyway). */
  async opened(ctx: Ctx, token: string): Promise<void> {
    const claim = this.links.openTrack(ctx.storeId, token);
    if (claim && isUuid(claim.id)) await repo.markTracked(ctx.db, ctx.storeId, claim.id, 'opened');
  }

  /** Records the click and answers where to go; a forged token is 404 (never an open redirect). */
  async clicked(ctx: Ctx, token: string): Promise<string> {
    const claim = this.links.openTrack(ctx.storeId, token);
    if (!claim?.url || !isUuid(claim.id) || !/^https?:\/\//.test(claim.url)) throw new InvalidLink();
    await repo.markTracked(ctx.db, ctx.storeId, claim.id, 'clicked');
    return claim.url;
  }

  async unsubscribePage(ctx: Ctx, token: string): Promise<string> {
    const claim = this.claim(ctx, token);
    const action = `?token=${encodeURIComponent(token)}`;
    return [
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title>',
      '<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>',
      `<main><h1>Unsubscribe</h1><p>Stop receiving these emails (${escapeHtml(claim.type.toLowerCase().replaceAll('_', ' '))})?</p>`,
      `<form method="post" action="${escapeHtml(action)}" enctype="text/plain"><button type="submit">Unsubscribe</button></form>`,
      '</main></body></html>',
    ].join('');
  }

  async unsubscribe(ctx: Ctx, token: string) {
    const claim = this.claim(ctx, token);
    await this.preferences.unsubscribe(ctx.db, ctx.storeId, claim.userId, claim.type);
    return { status: 'unsubscribed' as const, type: claim.type };
  }

  private claim(ctx: Ctx, token: string): { userId: string; type: NotificationType } {
    const claim = this.links.openUnsubscribe(ctx.storeId, token);
    const type = claim?.type as NotificationType | undefined;
    if (!claim || !type || !TYPE_NAMES.includes(type) || isSecurity(type) || !isUuid(claim.userId))
      throw new InvalidLink();
    return { userId: claim.userId, type };
  }
}
