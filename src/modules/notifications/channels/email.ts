import type { ChannelPort } from '../notifications.channels.ts';
import type { Mailer } from './email.transport.ts';

/**
 * Email through the mailer: SMTP (`SMTP_URL`) or, in development, .eml files under DATA_DIR/mail.
 * The Message-ID is the notification's id, the same on every retry, so receivers drop a duplicate;
 * marketing mail carries List-Unsubscribe and List-Unsubscribe-Post (one click, RFC 8058).
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
        ...(Object.keys(message.headers).length > 0 ? { headers: message.headers } : {}),
      });
      return { providerMessageId: messageId };
    },
  };
}
