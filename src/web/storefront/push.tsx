/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { problemText, visitor } from './cart-store.ts';

/** The storefront's service worker (served at `/sw.js` for the whole site): it shows push messages. */
export const SERVICE_WORKER = '/sw.js';

/** A VAPID key in base64url as the bytes `pushManager.subscribe` takes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const supported = () =>
  typeof navigator !== 'undefined' &&
  'serviceWorker' in navigator &&
  typeof window !== 'undefined' &&
  'PushManager' in window &&
  'Notification' in window;

/** This browser's push subscription of the storefront's service worker, if it has one. */
async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** Asks the browser for permission, subscribes it with the store's key and gives the API the subscription. */
async function turnOn(publicKey: string): Promise<string | null> {
  if ((await Notification.requestPermission()) !== 'granted')
    return 'This browser does not allow notifications from this shop: allow them in the site’s settings.';
  const registration = await navigator.serviceWorker.register(SERVICE_WORKER, { scope: '/' });
  await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: keyBytes(publicKey),
  });
  const json = subscription.toJSON();
  const body = {
    endpoint: subscription.endpoint,
    expirationTime: subscription.expirationTime,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
  };
  const answer = await visitor((api) => api.POST('/api/v1/me/push-subscriptions', { body }));
  if (answer.response.ok) return null;
  await subscription.unsubscribe();
  return problemText(answer);
}

async function turnOff(subscription: PushSubscription): Promise<string | null> {
  const body = { endpoint: subscription.endpoint };
  const answer = await visitor((api) => api.DELETE('/api/v1/me/push-subscriptions', { body }));
  await subscription.unsubscribe();
  return answer.response.ok || answer.response.status === 404 ? null : problemText(answer);
}

/**
 * `Turn on push on this device`, when the store sends web push (its VAPID key is published) and
 * the browser can receive it; `Turn off push on this device` once it is on.
 */
export function PushOnThisDevice() {
  const [key, setKey] = useState<string | null>(null);
  const [on, setOn] = useState<PushSubscription | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | string>('idle');
  useEffect(() => {
    if (!supported()) return;
    void visitor((api) => api.GET('/api/v1/push/vapid-public-key')).then(async (answer) => {
      if (!answer.data) return;
      setKey(answer.data.publicKey);
      setOn(await currentSubscription());
    });
  }, []);
  if (!key) return null;
  const run = async (action: () => Promise<string | null>) => {
    setState('busy');
    try {
      const failed = await action();
      setOn(await currentSubscription());
      setState(failed ?? 'idle');
    } catch (error) {
      setState(`Push could not be turned on here: ${(error as Error).message}`);
    }
  };
  return (
    <section class="push" aria-labelledby="push-heading">
      <h2 id="push-heading">Push on this device</h2>
      <p class="muted">
        {on
          ? 'This browser shows the shop’s notifications.'
          : 'Get your order news on this device, even with the shop closed.'}
      </p>
      {on ? (
        <button
          type="button"
          class="secondary"
          disabled={state === 'busy'}
          onClick={() => void run(() => turnOff(on))}
        >
          Turn off push on this device
        </button>
      ) : (
        <button type="button" disabled={state === 'busy'} onClick={() => void run(() => turnOn(key))}>
          Turn on push on this device
        </button>
      )}
      {!['idle', 'busy'].includes(state) && <p role="alert">{state}</p>}
    </section>
  );
}
