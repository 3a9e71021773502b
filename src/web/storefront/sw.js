// The storefront's service worker, served at /sw.js for the whole site: it shows the web push
// messages the store sends (`{ id, title, body }`, notifications/channels/push.ts) and opens the
// buyer's notifications when one is clicked. It caches nothing: pages always come from the server.
const FEED = '/account/notifications';

self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(
    self.registration.showNotification(message.title || 'Notification', {
      body: message.body || '',
      tag: message.id,
      data: { url: FEED },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || FEED, self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});
