import type { Mailer } from '../../../platform/mail/mailer.ts';
import type { ChannelPort } from '../notifications.channels.ts';

/**
 * Email through the platform's mailer: SMTP (`SMTP_URL`) or, in development, .eml files under
 * DATA_DIR/mail. The Message-ID is the notification's id, the same on every retry, so receivers
 * drop a duplicate.
 */
export function emailChannel(mailer: Mailer): ChannelPort {
  return {
    channel: 'EMAIL',
    address: (recipient) => recipient.email,
    async deliver(message) {
      const messageId = `<${message.id}@bazaar>`;
      await mailer.send({
        to: message.to,
        subject: message.subject ?? '',
        text: message.body,
        ...(message.html ? { html: message.html } : {}),
        ...(message.senderName ? { senderName: message.senderName } : {}),
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        messageId,
      });
      return { providerMessageId: messageId };
    },
  };
}
