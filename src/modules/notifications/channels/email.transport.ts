import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../../platform/config.ts';
import type { Logger } from '../../../platform/observability/logger.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The display name of the sender (a store's name); the address stays MAIL_FROM's. */
  senderName?: string;
  /** Where replies go (a store's contact email). */
  replyTo?: string;
  /** Stable id: a retried send carries the same Message-ID, so receivers can drop the duplicate. */
  messageId?: string;
  /** Further headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer when SMTP_URL is set; otherwise a development transport that writes
 * each message as an .eml file under DATA_DIR/mail and logs one line.
 */
export function createMailer(
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'dataDir'>,
  log: Logger,
): Mailer {
  if (config.SMTP_URL) {
    const transport: Transporter = nodemailer.createTransport(config.SMTP_URL);
    return {
      async send(message) {
        await transport.sendMail(envelope(config.MAIL_FROM, message));
      },
      close: () => transport.close(),
    };
  }
  const dir = path.join(config.dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail(envelope(config.MAIL_FROM, message));
      // Messages carry codes and addresses: readable by the owner only, and the recipient is not logged.
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      await fs.chmod(dir, 0o700);
      const name = `${new Date().toISOString().replaceAll(':', '-')}-${info.messageId.replace(/[^A-Za-z0-9.-]/g, '')}.eml`;
      await fs.writeFile(path.join(dir, name), info.message as Buffer, { mode: 0o600 });
      log.info({ subject: message.subject, file: path.join(dir, name) }, 'mail written to file');
    },
    close: () => transport.close(),
  };
}

/**
 * The message as nodemailer takes it. A store's mail goes out from MAIL_FROM's address under the
 * store's name (sending from the store's own domain would fail SPF and DKIM checks), and replies
 * go to the store's contact email.
 */
function envelope(mailFrom: string, message: MailMessage) {
  const { senderName, ...rest } = message;
  if (!senderName) return { from: mailFrom, ...rest };
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return { ...rest, from: { name: senderName, address } };
}
