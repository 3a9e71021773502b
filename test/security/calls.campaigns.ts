import type { Call } from './calls.ts';
import { send, type World } from './fixtures.ts';

/**
 * How the matrix calls the campaign operations: each call that changes a campaign gets a fresh
 * DRAFT of the store's (an announcement to everyone, by mail), made by the store's admin.
 */

type Campaign = { id: string };

const announcement = {
  name: 'Matrix news',
  type: 'ANNOUNCEMENT',
  channels: ['EMAIL'],
  subject: 'Matrix news',
  body: 'News for the matrix.',
  target: { kind: 'EVERYONE' },
};

function draft(w: World): Promise<Campaign> {
  return send(w.server, 'POST', '/admin/campaigns', announcement, w.callers.admin.headers);
}

const onFresh = (body?: unknown): Call<Campaign> => ({
  fresh: draft,
  request: (_w, _who, campaign) => ({
    params: { id: campaign.id },
    ...(body !== undefined ? { body } : {}),
  }),
});

export const CAMPAIGN_CALLS: Record<string, Call> = {
  'GET /admin/campaigns': {},
  'POST /admin/campaigns': { request: () => ({ body: announcement }) },
  'GET /admin/campaigns/{id}': onFresh(),
  'PATCH /admin/campaigns/{id}': onFresh({ name: 'Matrix news, changed' }),
  'POST /admin/campaigns/{id}/target': onFresh(),
  'POST /admin/campaigns/{id}/send': onFresh(),
  'POST /admin/campaigns/{id}/cancel': onFresh(),
};
