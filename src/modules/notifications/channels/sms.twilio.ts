import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SmsTransport } from './sms.ts';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** `From`: a Twilio number (E.164) or an alphanumeric sender id; or a Messaging Service. */
  from: string | null;
  messagingServiceSid: string | null;
  /** https://api.twilio.com, or a stand-in in tests. */
  apiBase: string;
  /** Where Twilio posts delivery reports, without the query (null: no reports asked for). */
  statusCallback: string | null;
  timeoutMs?: number;
}

/** A failure Twilio reported, with its error code (21211: invalid To, 20429: too many requests). */
export class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | null,
    message: string,
  ) {
    super(`Twilio ${status}${code ? ` (${code})` : ''}: ${message}`);
  }
}

/**
 * Twilio Programmable Messaging: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form
 * encoded, HTTP Basic with the account SID and auth token; the answer's `sid` (SM…) is kept as the
 * provider message id. Each message asks for delivery reports at the status callback, its query
 * naming the notification, so a report that overtakes the send's answer still finds its row.
 */
export function twilioSms(settings: TwilioSettings): SmsTransport {
  const url = `${settings.apiBase.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  return {
    name: 'twilio',
    async send(sms) {
      const form = new URLSearchParams({ To: sms.to, Body: sms.body });
      if (settings.messagingServiceSid) form.set('MessagingServiceSid', settings.messagingServiceSid);
      else if (settings.from) form.set('From', settings.from);
      if (settings.statusCallback)
        form.set('StatusCallback', statusCallbackUrl(settings.statusCallback, sms));
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
      });
      const answer = (await res.json().catch(() => ({}))) as {
        sid?: string;
        code?: number;
        message?: string;
      };
      if (!res.ok || typeof answer.sid !== 'string')
        throw new TwilioError(
          res.status,
          answer.code ?? null,
          answer.message ?? 'no message sid in the answer',
        );
      return { providerMessageId: answer.sid };
    },
  };
}

export function statusCallbackUrl(base: string, sms: { id: string; storeId: string }): string {
  return `${base}?store=${encodeURIComponent(sms.storeId)}&id=${encodeURIComponent(sms.id)}`;
}

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed by the auth token, of the full URL Twilio
 * called followed by every POST parameter, sorted by name, as name and value with no separators.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, key) => text + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function validTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: Record<string, string>,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** What a delivery report means for the notification: DELIVERED, FAILED, or nothing yet. */
export function reportedStatus(messageStatus: string): 'DELIVERED' | 'FAILED' | null {
  if (messageStatus === 'delivered' || messageStatus === 'read') return 'DELIVERED';
  if (messageStatus === 'failed' || messageStatus === 'undelivered' || messageStatus === 'canceled')
    return 'FAILED';
  return null;
}
