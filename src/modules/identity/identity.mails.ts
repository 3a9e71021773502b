import type { Db } from '../../platform/db/database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Mailer, MailMessage } from '../../platform/mail/mailer.ts';
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
// in a link when PUBLIC_URL says where the storefront is.
function body(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function link(publicUrl: string | undefined, page: string, token: string): string[] {
  return publicUrl ? ['', `${publicUrl.replace(/\/$/, '')}${page}?token=${token}`] : [];
}

/**
 * Where a platform account resets its password: the platform console's page on the platform's own
 * origin, the code in the fragment (never sent to a server, so never in an access log).
 */
export function platformResetLink(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/platform/reset#token=${token}`;
}

export function verificationMail(
  to: string,
  name: string,
  token: string,
  hours: number,
  publicUrl?: string,
): MailMessage {
  return {
    to,
    subject: 'Confirm your email address',
    text: body([
      `Hello ${name},`,
      '',
      'Confirm your email address with this code:',
      '',
      token,
      ...link(publicUrl, '/account/verify-email', token),
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
  publicUrl?: string,
  resetPage?: string,
): MailMessage {
  return {
    to,
    subject: 'Reset your password',
    text: body([
      `Hello ${name},`,
      '',
      'Someone (we hope you) asked to reset the password of your account. Use this code:',
      '',
      token,
      ...(resetPage ? ['', resetPage] : link(publicUrl, '/account/reset-password', token)),
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
): MailMessage {
  return {
    to,
    subject: approved ? 'Your seller application is approved' : 'Your seller application was not approved',
    text: body(
      approved
        ? [`Hello ${name},`, '', 'Your seller account is ready: you can now list products.']
        : [`Hello ${name},`, '', 'Your seller application was not approved.', '', `Reason: ${reason ?? '-'}`],
    ),
  };
}
