import type { Insertable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { requireActor } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import type { Channel } from './notifications.channels.ts';
import { isTimeZone, type QuietHours } from './notifications.quiet-hours.ts';
import * as repo from './notifications.repository.ts';
import { isSecurity, type NotificationType, TYPE_NAMES, typeInfo } from './notifications.types.ts';

export interface ChannelSwitches {
  email: boolean;
  sms: boolean;
  push: boolean;
  inApp: boolean;
}

export interface Preferences {
  channels: ChannelSwitches;
  quietHours: QuietHours | null;
  language: string | null;
  /** Per type, the channels switched differently from `channels`. */
  types: Partial<Record<NotificationType, Partial<ChannelSwitches>>>;
}

export interface PreferencesInput {
  channels: ChannelSwitches;
  quietHours?: QuietHours | null | undefined;
  language?: string | null | undefined;
  types?: Partial<Record<NotificationType, Partial<ChannelSwitches>>> | undefined;
}

/** Until a user says otherwise: mail, push and in-app on, SMS (which costs the store) off. */
export const DEFAULT_CHANNELS: ChannelSwitches = { email: true, sms: false, push: true, inApp: true };

const SWITCH: Record<Channel, keyof ChannelSwitches> = {
  EMAIL: 'email',
  SMS: 'sms',
  PUSH: 'push',
  IN_APP: 'inApp',
};
const ALL = '*';

const hhmm = (time: string | null) => (time ? time.slice(0, 5) : null);

function fromRows(rows: repo.PreferenceRow[]): Preferences {
  const switches = (r: repo.PreferenceRow): Partial<ChannelSwitches> => {
    const s: Partial<ChannelSwitches> = {};
    if (r.email_enabled !== null) s.email = r.email_enabled;
    if (r.sms_enabled !== null) s.sms = r.sms_enabled;
    if (r.push_enabled !== null) s.push = r.push_enabled;
    if (r.in_app_enabled !== null) s.inApp = r.in_app_enabled;
    return s;
  };
  const all = rows.find((r) => r.type === ALL);
  const types: Preferences['types'] = {};
  for (const r of rows) if (r.type !== ALL) types[r.type as NotificationType] = switches(r);
  const start = hhmm(all?.quiet_hours_start ?? null);
  const end = hhmm(all?.quiet_hours_end ?? null);
  return {
    channels: { ...DEFAULT_CHANNELS, ...(all ? switches(all) : {}) },
    quietHours: start && end ? { start, end, timeZone: all?.time_zone ?? 'UTC' } : null,
    language: all?.language ?? null,
    types,
  };
}

/** Whether a message of `type` goes out on `channel`: security messages always do. */
export function channelEnabled(prefs: Preferences, type: NotificationType, channel: Channel): boolean {
  if (isSecurity(type)) return true;
  const key = SWITCH[channel];
  return prefs.types[type]?.[key] ?? prefs.channels[key];
}

export function defaultPreferences(): Preferences {
  return { channels: { ...DEFAULT_CHANNELS }, quietHours: null, language: null, types: {} };
}

function refuse(input: PreferencesInput): void {
  if (input.quietHours && !isTimeZone(input.quietHours.timeZone))
    throw new BadRequest('Unknown time zone.', [
      { pointer: '/quietHours/timeZone', in: 'body', detail: 'not an IANA time zone' },
    ]);
  for (const [type, switches] of Object.entries(input.types ?? {}))
    if (isSecurity(type as NotificationType) && Object.values(switches ?? {}).includes(false))
      throw new BadRequest('Security messages cannot be turned off.', [
        { pointer: `/types/${type}`, in: 'body', detail: 'security messages cannot be turned off' },
      ]);
}

function toRows(
  storeId: string,
  userId: string,
  input: PreferencesInput,
): Insertable<repo.PreferencesTable>[] {
  const base = { store_id: storeId, user_id: userId };
  const rows: Insertable<repo.PreferencesTable>[] = [
    {
      ...base,
      type: ALL,
      email_enabled: input.channels.email,
      sms_enabled: input.channels.sms,
      push_enabled: input.channels.push,
      in_app_enabled: input.channels.inApp,
      quiet_hours_start: input.quietHours?.start ?? null,
      quiet_hours_end: input.quietHours?.end ?? null,
      time_zone: input.quietHours?.timeZone ?? null,
      language: input.language ?? null,
    },
  ];
  for (const type of TYPE_NAMES) {
    const s = input.types?.[type];
    if (!s || Object.keys(s).length === 0) continue;
    rows.push({
      ...base,
      type,
      email_enabled: s.email ?? null,
      sms_enabled: s.sms ?? null,
      push_enabled: s.push ?? null,
      in_app_enabled: s.inApp ?? null,
    });
  }
  return rows;
}

/**
 * Turns off a user's mail of every marketing type, keeping the rest of their preferences (a
 * complaint reported by the mail provider). In one transaction.
 */
export async function marketingMailOff(db: Db, storeId: string, userId: string): Promise<void> {
  const marketing = TYPE_NAMES.filter((type) => typeInfo(type).kind === 'marketing');
  await transaction(db, async (trx) => {
    for (const type of marketing) await repo.turnOffEmail(trx, storeId, userId, type);
  });
}

/** Each user's channels per type, quiet hours and language (`/me/notification-preferences`). */
export class PreferenceService {
  async load(db: Db, storeId: string, userId: string): Promise<Preferences> {
    return fromRows(await repo.preferencesOf(db, storeId, userId));
  }

  /** Many users' preferences in one read (a user with no rows gets the defaults). */
  async loadMany(db: Db, storeId: string, userIds: string[]): Promise<Map<string, Preferences>> {
    const ids = [...new Set(userIds)];
    const rows = await repo.preferencesOfMany(db, storeId, ids);
    const byUser = new Map<string, repo.PreferenceRow[]>(ids.map((id) => [id, []]));
    for (const row of rows) byUser.get(row.user_id)?.push(row);
    return new Map([...byUser].map(([id, own]) => [id, fromRows(own)]));
  }

  async mine(ctx: Ctx): Promise<Preferences> {
    const actor = requireActor(ctx);
    return this.load(ctx.db, ctx.storeId, actor.userId);
  }

  async replace(ctx: Ctx, input: PreferencesInput): Promise<Preferences> {
    const actor = requireActor(ctx);
    refuse(input);
    await transaction(ctx.db, (trx) =>
      repo.replacePreferences(trx, ctx.storeId, actor.userId, toRows(ctx.storeId, actor.userId, input)),
    );
    return this.load(ctx.db, ctx.storeId, actor.userId);
  }

  /** The unsubscribe link: that type's mail off for the user. */
  async unsubscribe(db: Db, storeId: string, userId: string, type: NotificationType): Promise<void> {
    await repo.turnOffEmail(db, storeId, userId, type);
  }
}
