import { modeOf, smsProviderOf } from '../../../platform/config.ts';
import type { ZodApp } from '../../../platform/http/app.ts';
import type { Platform } from '../../../platform/module.ts';
import type { ChannelPort } from '../notifications.channels.ts';
import { pushRoutes } from './push.subscriptions.ts';
import { pushChannel } from './push.ts';
import { vapidKeys } from './push.vapid.ts';
import { outboxSms } from './sms.outbox.ts';
import { type SmsTransport, smsChannel } from './sms.ts';
import { twilioSms } from './sms.twilio.ts';
import { webhookRoutes } from './webhooks.ts';

/** The path Twilio posts delivery reports to, under the API prefix. */
export const SMS_WEBHOOK_PATH = '/api/v1/notifications/webhooks/sms';

/**
 * The channels beyond email and in-app, as configured: SMS (Twilio or the development outbox) and
 * web push (VAPID keys from configuration, or generated once in DATA_DIR outside production), with
 * their routes: push subscriptions and the providers' delivery reports.
 */
export function channelAdapters(platform: Platform): {
  ports: ChannelPort[];
  routes: (app: ZodApp) => Promise<void>;
} {
  const { config, database, log } = platform;
  const ports: ChannelPort[] = [];
  const publicUrl = config.PUBLIC_URL?.replace(/\/$/, '') ?? null;
  const provider = smsProviderOf(config);
  let twilio: { authToken: string; statusCallback: string } | null = null;
  let transport: SmsTransport | null = null;
  if (provider === 'outbox') transport = outboxSms(config.dataDir);
  if (provider === 'twilio') {
    if (
      !config.TWILIO_ACCOUNT_SID ||
      !config.TWILIO_AUTH_TOKEN ||
      !(config.SMS_SENDER || config.TWILIO_MESSAGING_SERVICE_SID)
    )
      throw new Error('SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SMS_SENDER');
    const statusCallback = publicUrl ? `${publicUrl}${SMS_WEBHOOK_PATH}` : null;
    transport = twilioSms({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      from: config.SMS_SENDER ?? null,
      messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID ?? null,
      apiBase: config.TWILIO_API_BASE ?? 'https://api.twilio.com',
      statusCallback,
    });
    if (statusCallback) twilio = { authToken: config.TWILIO_AUTH_TOKEN, statusCallback };
    else log.warn('PUBLIC_URL is unset: SMS delivery reports are not asked for, messages stay SENT');
  }
  if (transport) ports.push(smsChannel(transport));
  const production = modeOf(config) === 'production';
  const keysConfigured = Boolean(config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY);
  const vapid =
    config.PUSH_ENABLED && (keysConfigured || !production)
      ? vapidKeys(
          config,
          config.dataDir,
          publicUrl?.startsWith('https:') ? publicUrl : 'mailto:admin@bazaar.local',
        )
      : null;
  if (config.PUSH_ENABLED && !vapid) log.warn('web push is off: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY');
  if (vapid) ports.push(pushChannel(database.db, vapid));
  const push = pushRoutes({ publicKey: vapid?.publicKey ?? null, allowLoopbackHttp: !production });
  const webhooks = webhookRoutes({ twilio, emailSecret: config.EMAIL_WEBHOOK_SECRET ?? null });
  return {
    ports,
    routes: async (app) => {
      await push(app);
      await webhooks(app);
    },
  };
}
