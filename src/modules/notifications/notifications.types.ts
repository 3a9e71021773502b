import type { Channel } from './notifications.channels.ts';

/**
 * What a notification type is: `security` messages (they carry a code or guard the account)
 * ignore opt-outs and quiet hours; `transactional` ones follow the user's preferences;
 * `marketing` ones also carry an unsubscribe link. `urgent` messages are never held for quiet hours.
 */
export interface TypeInfo {
  kind: 'security' | 'transactional' | 'marketing';
  urgent: boolean;
  /** The channels a default template ships for. */
  channels: readonly Channel[];
  /** The message carries a secret: its rendered body is stored sealed. */
  secret?: boolean;
}

const mailAndFeed = ['EMAIL', 'IN_APP'] as const;
const mail = ['EMAIL'] as const;
const mailFeedPush = ['EMAIL', 'IN_APP', 'PUSH'] as const;
const mailAndSms = ['EMAIL', 'SMS'] as const;
const everyChannel = ['EMAIL', 'IN_APP', 'PUSH', 'SMS'] as const;

export const NOTIFICATION_TYPES = {
  ACCOUNT_WELCOME: { kind: 'transactional', urgent: false, channels: mailAndFeed },
  EMAIL_VERIFICATION: { kind: 'security', urgent: true, channels: mail, secret: true },
  PASSWORD_RESET: { kind: 'security', urgent: true, channels: mail, secret: true },
  SIGN_IN_CODE: { kind: 'security', urgent: true, channels: mailAndSms, secret: true },
  STAFF_INVITATION: { kind: 'security', urgent: true, channels: mail, secret: true },
  ORDER_PLACED: { kind: 'transactional', urgent: false, channels: mailFeedPush },
  ORDER_PAID: { kind: 'transactional', urgent: false, channels: mailFeedPush },
  ORDER_CANCELLED: { kind: 'transactional', urgent: false, channels: mailFeedPush },
  ORDER_REFUNDED: { kind: 'transactional', urgent: false, channels: mailAndFeed },
  ORDER_SHIPPED: { kind: 'transactional', urgent: false, channels: mailFeedPush },
  ORDER_OUT_FOR_DELIVERY: { kind: 'transactional', urgent: true, channels: mailFeedPush, secret: true },
  ORDER_DELIVERED: { kind: 'transactional', urgent: false, channels: mailFeedPush },
  RETURN_UPDATED: { kind: 'transactional', urgent: false, channels: mailAndFeed },
  PAYMENT_FAILED: { kind: 'transactional', urgent: false, channels: mailAndFeed },
  LOW_STOCK: { kind: 'transactional', urgent: false, channels: mailAndFeed },
  SELLER_APPLICATION_DECIDED: { kind: 'transactional', urgent: false, channels: mailAndFeed },
  SELLER_NEW_ORDER_ITEM: { kind: 'transactional', urgent: false, channels: mailAndFeed },
  REVIEW_REPLY: { kind: 'marketing', urgent: false, channels: mailAndFeed },
  // leads (quotes): a new lead to staff and its sellers, the quote to the buyer, a thread message
  LEAD_NEW: { kind: 'transactional', urgent: false, channels: mailAndFeed },
  LEAD_QUOTED: { kind: 'transactional', urgent: false, channels: mailAndFeed },
  LEAD_MESSAGE: { kind: 'transactional', urgent: false, channels: mailAndFeed },
  // a store's campaign (the campaigns module): offers and announcements, on the channels it names
  CAMPAIGN: { kind: 'marketing', urgent: false, channels: everyChannel },
} as const satisfies Record<string, TypeInfo>;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;
export const TYPE_NAMES = Object.keys(NOTIFICATION_TYPES) as NotificationType[];

export function typeInfo(type: NotificationType): TypeInfo {
  return NOTIFICATION_TYPES[type];
}

export const isSecurity = (type: NotificationType) => typeInfo(type).kind === 'security';

export type Priority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
export const priorityOf = (type: NotificationType): Priority => (typeInfo(type).urgent ? 'URGENT' : 'NORMAL');
