import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ZodApp } from '../../../platform/http/app.ts';
import { BadRequest, NotFound, Unauthorized } from '../../../platform/http/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import * as callbacks from '../notifications.callbacks.repository.ts';
import { marketingMailOff } from '../notifications.preferences.ts';
import { reportedStatus, validTwilioSignature } from './sms.twilio.ts';

export interface WebhookSettings {
  /** Twilio's auth token and the status callback URL it was given; null when SMS is not Twilio. */
  twilio: { authToken: string; statusCallback: string } | null;
  /** The shared secret that signs mail bounce and complaint reports; null: the webhook is off. */
  emailSecret: string | null;
}

/** A mail bounce or complaint, from whichever mail service forwards it (docs/operations.md). */
export const EmailReport = z.object({
  /** The Message-ID of the mail, `<notification id@bazaar>`. */
  messageId: z.string().max(300),
  event: z.enum(['bounce', 'complaint']),
  detail: z.string().max(1000).optional(),
});

const tags = ['notification webhooks'];

/** The signature of a mail report: hex HMAC-SHA256 of `<timestamp>.<raw body>` under the shared secret. */
export function emailReportSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

const FRESH_SECONDS = 300;

/**
 * Delivery reports from providers: Twilio's SMS status callbacks (form posts signed with
 * X-Twilio-Signature) and mail bounces and complaints (JSON signed with the shared secret). Both
 * need the bytes as sent, so this scope reads bodies as text.
 */
export function webhookRoutes(settings: WebhookSettings) {
  return async (app: ZodApp) => {
    await app.register(async (scope) => {
      scope.removeContentTypeParser('application/json');
      for (const type of ['application/json', 'application/x-www-form-urlencoded'])
        scope.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
      scope.post(
        '/notifications/webhooks/sms',
        {
          config: { acrossStores: true },
          schema: { tags, summary: 'SMS delivery report (Twilio status callback, signature checked)' },
        },
        async (req, reply) => {
          const twilio = settings.twilio;
          if (!twilio) throw new NotFound('webhook');
          const params = Object.fromEntries(new URLSearchParams(String(req.body ?? '')));
          const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
          const signature = req.headers['x-twilio-signature'];
          const url = `${twilio.statusCallback}${query}`;
          if (
            !validTwilioSignature(
              twilio.authToken,
              typeof signature === 'string' ? signature : undefined,
              url,
              params,
            )
          )
            throw new Unauthorized('The request signature does not match.', 'bad-signature');
          const { store, id } = req.query as { store?: string; id?: string };
          const status = reportedStatus(params.MessageStatus ?? '');
          if (status && store && id && isUuid(store) && isUuid(id))
            await callbacks.recordReport(req.ctx.db, {
              storeId: store,
              id,
              channel: 'SMS',
              status,
              error: params.ErrorCode ? `Twilio error ${params.ErrorCode}` : null,
            });
          return reply.code(204).send();
        },
      );
      scope.post(
        '/notifications/webhooks/email',
        {
          config: { acrossStores: true },
          schema: { tags, summary: 'Mail bounce or complaint (HMAC-SHA256 with the shared secret)' },
        },
        async (req, reply) => {
          const secret = settings.emailSecret;
          if (!secret) throw new NotFound('webhook');
          const body = String(req.body ?? '');
          const timestamp = String(req.headers['x-bazaar-timestamp'] ?? '');
          const signature = String(req.headers['x-bazaar-signature'] ?? '');
          const age = Math.abs(Date.now() / 1000 - Number(timestamp));
          const expected = Buffer.from(emailReportSignature(secret, timestamp, body));
          if (
            !(age <= FRESH_SECONDS) ||
            expected.length !== signature.length ||
            !timingSafeEqual(expected, Buffer.from(signature))
          )
            throw new Unauthorized('The request signature does not match.', 'bad-signature');
          const report = EmailReport.safeParse(safeJson(body));
          if (!report.success)
            throw new BadRequest('Not a mail report.', [
              { pointer: '', in: 'body', detail: report.error.message.slice(0, 300) },
            ]);
          const id = /^<([0-9a-f-]{36})@bazaar>$/.exec(report.data.messageId.trim())?.[1];
          const owner = id && isUuid(id) ? await callbacks.ownerOfNotification(req.ctx.db, id) : null;
          if (id && owner) {
            await callbacks.recordReport(req.ctx.db, {
              storeId: owner.storeId,
              id,
              channel: 'EMAIL',
              status: 'BOUNCED',
              error: `${report.data.event}${report.data.detail ? `: ${report.data.detail}` : ''}`,
            });
            // a recipient who marks mail as spam gets no more marketing mail (RFC 8058's spirit;
            // mailbox providers count complaints against the sender)
            if (report.data.event === 'complaint' && owner.userId)
              await marketingMailOff(req.ctx.db, owner.storeId, owner.userId);
          }
          return reply.code(204).send();
        },
      );
    });
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
