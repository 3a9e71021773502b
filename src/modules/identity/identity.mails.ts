import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { PLATFORM_REALM } from '../../platform/http/context.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Mailer, MailMessage } from '../../platform/mail/mailer.ts';
import { originOptions, storeSender } from '../tenancy/index.ts';
import type { DataCipher } from './identity.crypto.ts';

/**
 * Mail that carries a secret (a reset or verification code) is queued sealed with the data key
 * (AES-256-GCM, bound to its queue and store), so the jobs table, its backups and dumps never hold
 * the code in clear; only the job that sends the message opens it.
 */
export const SEALED_MAIL_QUEUE = 'identity.mail.send-sealed';

interface SealedMail {
  sealed: string;
}

const sealing = (storeId: string | null) => `${SEALED_MAIL_QUEUE}:${storeId ?? ''}`;

/** Queues `message` sealed, in the caller's transaction. */
export function sendSealedMail(
  db: Db,
  jobs: Jobs,
  cipher: DataCipher,
  message: MailMessage,
  storeId: string,
): Promise<string | null> {
  const payload: SealedMail = { sealed: cipher.encrypt(JSON.stringify(message), sealing(storeId)) };
  return jobs.enqueue(db, { queue: SEALED_MAIL_QUEUE, payload, storeId, maxAttempts: 8 });
}

export function registerSealedMailQueue(jobs: Jobs, mailer: Mailer, cipher: DataCipher): void {
  jobs.handle<SealedMail>(
    SEALED_MAIL_QUEUE,
    async (job) => {
      const message = JSON.parse(cipher.decrypt(job.payload.sealed, sealing(job.storeId))) as MailMessage;
      await mailer.send({ ...message, messageId: `<${job.id}@bazaar>` });
    },
    { backoffMs: 5000 },
  );
}

// The token stands on a line of its own (short lines are never re-wrapped by the mail encoder), and
// in a link when the store has an address (its canonical origin, tenancy's storeSender).
function body(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** Who a store's mail comes from and where its links point (tenancy's StoreSender). */
export interface Sender {
  /** The store's name (null: the platform's own mail, under MAIL_FROM's name). */
  name: string | null;
  replyTo: string | null;
  origin: string | null;
}

/**
 * Where a platform account resets its password: the platform console's page on the platform's own
 * origin, the code in the fragment (never sent to a server, so never in an access log).
 */
export function platformResetLink(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/platform/reset#token=${token}`;
}

/**
 * Who each store's mails come from and where their links point: the store's name, contact email
 * and canonical origin (tenancy); platform accounts (the realm, no store) keep PUBLIC_URL's links
 * and MAIL_FROM's name.
 */
export function mailSenders(config: Pick<Config, 'BASE_DOMAIN' | 'PUBLIC_URL' | 'PORT'>) {
  const options = originOptions(config);
  return async (db: Db, storeId: string): Promise<Sender | null> =>
    storeId === PLATFORM_REALM
      ? { name: null, replyTo: null, origin: config.PUBLIC_URL?.replace(/\/$/, '') ?? null }
      : storeSender(db, storeId, options);
}

function link(sender: Sender | null, page: string, token: string): string[] {
  return sender?.origin ? ['', `${sender.origin}${page}?token=${token}`] : [];
}

/** The store's name as the sender's and its contact email for replies. */
export function from(sender: Sender | null): Pick<MailMessage, 'senderName' | 'replyTo'> {
  return {
    ...(sender?.name ? { senderName: sender.name } : {}),
    ...(sender?.replyTo ? { replyTo: sender.replyTo } : {}),
  };
}

const at = (sender: Sender | null) => (sender?.name ? ` at ${sender.name}` : '');

export function verificationMail(
  to: string,
  name: string,
  token: string,
  hours: number,
  sender: Sender | null = null,
): MailMessage {
  return {
    to,
    subject: 'Confirm your email address',
    ...from(sender),
    text: body([
      `Hello ${name},`,
      '',
      `Confirm the email address of your account${at(sender)} with this code:`,
      '',
      token,
      ...link(sender, '/account/verify-email', token),
      '',
      `The code works once and expires in ${hours} hours.`,
    ]),
  };
}

/** `resetPage`: the page the link opens (the store's /account page at PUBLIC_URL if not given). */
export function passwordResetMail(
  to: string,
  name: string,
  token: string,
  minutes: number,
  sender: Sender | null = null,
  /** A page of its own for the code (a platform account's reset page), instead of the store's. */
  resetPage?: string,
): MailMessage {
  return {
    to,
    subject: 'Reset your password',
    ...from(sender),
    text: body([
      `Hello ${name},`,
      '',
      `Someone (we hope you) asked to reset the password of your account${at(sender)}. Use this code:`,
      '',
      token,
      ...(resetPage ? ['', resetPage] : link(sender, '/account/reset-password', token)),
      '',
      `The code works once and expires in ${minutes} minutes. Resetting signs you out everywhere.`,
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ]),
  };
}

export function sellerDecisionMail(
  to: string,
  name: string,
  approved: boolean,
  reason?: string,
  sender: Sender | null = null,
): MailMessage {
  return {
    to,
    ...from(sender),
    subject: approved ? 'Your seller application is approved' : 'Your seller application was not approved',
    text: body(
      approved
        ? [`Hello ${name},`, '', 'Your seller account is ready: you can now list products.']
        : [`Hello ${name},`, '', 'Your seller application was not approved.', '', `Reason: ${reason ?? '-'}`],
    ),
  };
}
