import { createECDH, randomBytes } from 'node:crypto';
import type { Call } from './calls.ts';
import { unique } from './fixtures.ts';

/**
 * How the matrix calls phone sign-in, web push subscriptions and the providers' delivery reports.
 * The matrix's server sends SMS to its development outbox and has no mail report secret, so the
 * two webhooks are off there (404 to everyone); their signatures are tested in the channels' suite.
 */

let phones = 0;
const phone = () =>
  `+9177${String(Date.now() % 1_000_000).padStart(6, '0')}${String(++phones % 100).padStart(2, '0')}`;

function subscription() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint: `https://push.example.test/send/${unique('device')}`,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
  };
}

const off = {
  status: [404],
  why: 'the provider is not configured on this server: its webhook is off for everyone',
};

export const CHANNEL_CALLS: Record<string, Call> = {
  'POST /auth/otp': { request: () => ({ body: { phone: phone() } }) },
  'POST /auth/otp/verify': {
    request: () => ({ body: { phone: phone(), code: '123456' } }),
    accept: { status: [400], why: 'the call needs a code sent by SMS; without one every caller gets 400' },
  },
  'GET /push/vapid-public-key': {},
  'POST /me/push-subscriptions': { request: () => ({ body: subscription() }) },
  'DELETE /me/push-subscriptions': {
    request: () => ({ body: { endpoint: `https://push.example.test/send/${unique('none')}` } }),
    accept: { status: [404], why: 'the caller has no device at that endpoint (only its own are reachable)' },
  },
  'POST /notifications/webhooks/sms': {
    request: () => ({
      raw: { contentType: 'application/x-www-form-urlencoded', payload: 'MessageStatus=delivered' },
    }),
    accept: off,
  },
  'POST /notifications/webhooks/email': {
    request: () => ({
      raw: { contentType: 'application/json', payload: '{"messageId":"<x@bazaar>","event":"bounce"}' },
    }),
    accept: off,
  },
};
