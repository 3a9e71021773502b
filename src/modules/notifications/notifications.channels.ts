import type { Db } from '../../platform/db/database.ts';

// The channel port: how a rendered notification leaves the platform. Email and in-app are built
// here; SMS and web push are further adapters of the same interface, registered at assembly.

/** Every channel a notification can travel on (the `notifications.channel` column). */
export const CHANNELS = ['EMAIL', 'SMS', 'PUSH', 'IN_APP'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Whom a notification is for, as far as channels need to know. */
export interface Recipient {
  /** The account, when there is one (in-app, preferences); null for a guest buyer or an invitee. */
  userId: string | null;
  name: string | null;
  email: string | null;
  /** E.164, when known and verified. */
  phone: string | null;
}

/** One rendered message, handed to a channel adapter by the delivery job. */
export interface OutgoingMessage {
  /** The notification's id: the same on every attempt, so providers can drop duplicates. */
  id: string;
  storeId: string;
  channel: Channel;
  /** The channel's address: an email, a phone, a push subscription's id, a user id. */
  to: string;
  subject: string | null;
  /** Plain text (mail's text part, the SMS, the push body). */
  body: string;
  /** Mail only: the HTML part, with tracking already applied. */
  html: string | null;
  /** A store's mail goes out under the store's name, replies to its contact email. */
  senderName: string | null;
  replyTo: string | null;
  /** Extra headers for channels that have them (List-Unsubscribe on marketing mail). */
  headers: Record<string, string>;
}

export interface DeliveryReceipt {
  /** The provider's id for the message (Message-ID, SMS id), kept for its delivery callbacks. */
  providerMessageId: string | null;
}

/**
 * A channel adapter. `address` picks the recipient's address on this channel (null: the
 * recipient cannot be reached on it, so no notification is queued); `deliver` sends one message
 * and throws on failure, so the job worker retries it with backoff.
 */
export interface ChannelPort {
  readonly channel: Channel;
  /** In-app rows are the delivery: they are written as SENT and never queued. */
  readonly stored?: boolean;
  /** May read the store's tables in the dispatch's transaction (`scope`), e.g. whether a user has a push device. */
  address(recipient: Recipient, scope: { db: Db; storeId: string }): string | null | Promise<string | null>;
  /** The addresses of many recipients in one go (one read for a batch); without it, `address` each. */
  addresses?(recipients: Recipient[], scope: { db: Db; storeId: string }): Promise<(string | null)[]>;
  deliver(message: OutgoingMessage): Promise<DeliveryReceipt>;
}
