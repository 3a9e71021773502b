/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answer200 } from '../api.ts';
import { buyerSession, problemText, visitor } from './cart-store.ts';

type Feed = Answer200<'/api/v1/me/notifications'>;
export type FeedEntry = Feed['items'][number];

/** How often an open page asks for the unread count again (and whenever it is shown again). */
const POLL_MS = 30_000;
/** Said on the page when the feed changes here, so the bell and the feed page agree without a call. */
const CHANGED = 'bazaar:notifications-changed';

const changed = (unreadCount: number) =>
  window.dispatchEvent(new CustomEvent(CHANGED, { detail: { unreadCount } }));

/**
 * Where a notification leads: a link of this site (a path, or an address on this origin) when the
 * API gives the notification one; none otherwise, and never another site.
 */
export function linkOf(item: FeedEntry): string | null {
  const link = 'link' in item && typeof item.link === 'string' ? item.link : null;
  if (!link) return null;
  try {
    const url = new URL(link, window.location.origin);
    return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

/** The buyer's feed, newest first, a page at a time; marking read keeps the unread count in step. */
function useFeed(pageSize: number) {
  const [items, setItems] = useState<FeedEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [unread, setUnread] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const load = async (cursor?: string) => {
    const query = cursor ? { limit: pageSize, cursor } : { limit: pageSize };
    const answer = await visitor((api) => api.GET('/api/v1/me/notifications', { params: { query } }));
    if (!answer.data) return setProblem(problemText(answer));
    const page = answer.data;
    setProblem(null);
    setItems((before) => (cursor ? [...(before ?? []), ...page.items] : page.items));
    setNext(page.nextCursor);
    setUnread(page.unreadCount);
  };
  const markRead = async (item: FeedEntry) => {
    if (item.readAt) return;
    const path = { id: item.id };
    const answer = await visitor((api) =>
      api.POST('/api/v1/me/notifications/{id}/read', { params: { path } }),
    );
    if (!answer.data) return setProblem(problemText(answer));
    const read = answer.data;
    setItems((before) => (before ?? []).map((i) => (i.id === read.id ? read : i)));
    const left = Math.max(0, unread - 1);
    setUnread(left);
    changed(left);
  };
  const markAll = async () => {
    const answer = await visitor((api) => api.POST('/api/v1/me/notifications/read-all', {}));
    if (!answer.data) return setProblem(problemText(answer));
    const now = new Date().toISOString();
    setItems((before) => (before ?? []).map((i) => (i.readAt ? i : { ...i, readAt: now })));
    setUnread(0);
    changed(0);
  };
  return { items, next, unread, problem, load, markRead, markAll };
}

type FeedState = ReturnType<typeof useFeed>;

/** One notification: its title, text and time; an unread one is marked and opens (marking it read). */
function Entry(props: { item: FeedEntry; language: string; onOpen: (item: FeedEntry) => void }) {
  const { item } = props;
  const unread = !item.readAt;
  const link = linkOf(item);
  const time = new Date(item.createdAt);
  const content = (
    <>
      <span class="feed-title">
        {item.title || 'Notification'}
        {unread && <span class="badge unread">Unread</span>}
      </span>
      <span class="feed-body">{item.body}</span>
      <time class="feed-time" dateTime={item.createdAt}>
        {time.toLocaleString(props.language, { dateStyle: 'medium', timeStyle: 'short' })}
      </time>
    </>
  );
  return (
    <li class={unread ? 'feed-entry unread' : 'feed-entry'}>
      {unread || link ? (
        <button type="button" class="feed-open" onClick={() => props.onOpen(item)}>
          {content}
        </button>
      ) : (
        <div class="feed-open">{content}</div>
      )}
    </li>
  );
}

/** The entries with `Mark all read`; opening one marks it read and follows its link, if it has one. */
function FeedList(props: { feed: FeedState; language: string; more?: boolean }) {
  const { feed } = props;
  const open = async (item: FeedEntry) => {
    await feed.markRead(item);
    const link = linkOf(item);
    if (link) window.location.assign(link);
  };
  if (feed.problem) return <p role="alert">{feed.problem}</p>;
  if (!feed.items) return <p>Loading your notifications…</p>;
  return (
    <>
      {feed.unread > 0 && (
        <p class="feed-actions">
          <span>{feed.unread === 1 ? '1 unread' : `${feed.unread} unread`}</span>
          <button type="button" class="secondary" onClick={() => void feed.markAll()}>
            Mark all read
          </button>
        </p>
      )}
      {feed.items.length === 0 ? (
        <p>No notifications yet. Your orders’ news will show here.</p>
      ) : (
        <ul class="feed">
          {feed.items.map((item) => (
            <Entry key={item.id} item={item} language={props.language} onOpen={(i) => void open(i)} />
          ))}
        </ul>
      )}
      {props.more && feed.next && (
        <button type="button" class="secondary" onClick={() => void feed.load(feed.next ?? undefined)}>
          More notifications
        </button>
      )}
    </>
  );
}

/** The unread count, asked now, every 30 s while the page is shown, and when the page is shown again. */
function useUnreadCount(enabled: boolean) {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const ask = async () => {
      if (document.visibilityState === 'hidden') return;
      const answer = await visitor((api) => api.GET('/api/v1/me/notifications/unread-count'));
      if (answer.data) setCount(answer.data.unreadCount);
    };
    const told = (e: Event) => setCount((e as CustomEvent<{ unreadCount: number }>).detail.unreadCount);
    void ask();
    const timer = window.setInterval(() => void ask(), POLL_MS);
    document.addEventListener('visibilitychange', ask);
    window.addEventListener(CHANGED, told);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', ask);
      window.removeEventListener(CHANGED, told);
    };
  }, [enabled]);
  return [count, setCount] as const;
}

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/**
 * The header's bell, for a signed-in buyer: the unread count in its label ("Notifications (2
 * unread)"), opening the newest notifications with `Mark all read` and a link to all of them.
 */
export function NotificationBell(props: { language: string }) {
  const [signedIn, setSignedIn] = useState(false);
  const [open, setOpen] = useState(false);
  const [count, setCount] = useUnreadCount(signedIn);
  const feed = useFeed(8);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => setSignedIn(Boolean(buyerSession())), []);
  useEffect(() => {
    if (feed.items) setCount(feed.unread);
  }, [feed.items, feed.unread, setCount]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (panel.current && !panel.current.parentElement?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('click', outside);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('click', outside);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  if (!signedIn) return null;
  const toggle = () => {
    if (!open) void feed.load();
    setOpen(!open);
  };
  return (
    <div class="bell">
      {/* its name: "Notifications", or "Notifications (2 unread)"; the badge shows the count */}
      <button
        type="button"
        class="bell-button"
        aria-expanded={open}
        aria-controls="notification-panel"
        onClick={toggle}
      >
        <BellIcon />
        <span class="visually-hidden">{count > 0 ? `Notifications (${count} unread)` : 'Notifications'}</span>
        {count > 0 && (
          <span class="bell-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && (
        <div id="notification-panel" class="bell-panel" ref={panel}>
          <h2>Notifications</h2>
          <FeedList feed={feed} language={props.language} />
          <p class="bell-links">
            <a href="/account/notifications">All notifications</a>
            <a href="/account/notifications/preferences">Preferences</a>
          </p>
        </div>
      )}
    </div>
  );
}

/** The page `/account/notifications`: every notification, newest first, 20 at a time. */
export function NotificationFeed(props: { language: string }) {
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  const feed = useFeed(20);
  // the first page once, when the page starts (`load` is made anew each render)
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, not on each new `load`
  useEffect(() => {
    const session = Boolean(buyerSession());
    setSignedIn(session);
    if (session) void feed.load();
  }, []);
  if (signedIn === false)
    return (
      <p>
        <a href="/account">Sign in</a> to see your notifications.
      </p>
    );
  return <FeedList feed={feed} language={props.language} more />;
}
