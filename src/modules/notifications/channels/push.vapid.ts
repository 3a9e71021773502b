import fs from 'node:fs';
import path from 'node:path';
import webPush from 'web-push';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** Who runs the server, for push services to reach: `mailto:` or an https URL. */
  subject: string;
}

/**
 * The VAPID keys push messages are signed with: from configuration, or else generated once into
 * DATA_DIR/keys/vapid.json (mode 600) and read from there after, so subscriptions made in the
 * browser keep working across restarts. Created with O_EXCL, so two processes starting together
 * end up with the same pair.
 */
export function vapidKeys(
  config: {
    VAPID_PUBLIC_KEY?: string | undefined;
    VAPID_PRIVATE_KEY?: string | undefined;
    VAPID_SUBJECT?: string | undefined;
  },
  dataDir: string,
  fallbackSubject: string,
): VapidKeys {
  const subject = config.VAPID_SUBJECT ?? fallbackSubject;
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY)
    return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject };
  const file = path.join(dataDir, 'keys', 'vapid.json');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, JSON.stringify(webPush.generateVAPIDKeys()), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
  return { publicKey: stored.publicKey, privateKey: stored.privateKey, subject };
}
