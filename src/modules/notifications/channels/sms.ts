import type { ChannelPort } from '../notifications.channels.ts';

/** One text message, as a transport sends it. */
export interface Sms {
  /** The notification's id: the same on every attempt. */
  id: string;
  storeId: string;
  /** E.164. */
  to: string;
  body: string;
}

/** Where SMS goes: a provider's API, or the development outbox. Throws on failure (retried). */
export interface SmsTransport {
  readonly name: string;
  send(sms: Sms): Promise<{ providerMessageId: string | null }>;
}

/** SMS to the recipient's phone (E.164), through the configured transport. */
export function smsChannel(transport: SmsTransport): ChannelPort {
  return {
    channel: 'SMS',
    address: (recipient) =>
      recipient.phone && /^\+[1-9][0-9]{6,14}$/.test(recipient.phone) ? recipient.phone : null,
    deliver: (message) =>
      transport.send({ id: message.id, storeId: message.storeId, to: message.to, body: message.body }),
  };
}
