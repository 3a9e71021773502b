import type { NotificationSources } from './notifications.ports.ts';

// Links in mail that work without signing in: the unsubscribe link and the open/click tracking
// URLs. Each carries a token sealed with the data key and bound to its purpose and store, so it
// cannot be forged, read, or used in another store.

export interface UnsubscribeClaim {
  userId: string;
  type: string;
}

export interface TrackClaim {
  id: string;
  url?: string;
}

const UNSUBSCRIBE = (storeId: string) => `notifications:unsubscribe:${storeId}`;
const TRACK = (storeId: string) => `notifications:track:${storeId}`;

const BASE = '/api/v1/notifications';

export class Links {
  constructor(private readonly sources: () => NotificationSources) {}

  unsubscribeUrl(origin: string, storeId: string, claim: UnsubscribeClaim): string {
    const token = this.sources().seal(
      JSON.stringify({ u: claim.userId, t: claim.type }),
      UNSUBSCRIBE(storeId),
    );
    return `${origin}${BASE}/unsubscribe?token=${token}`;
  }

  openUnsubscribe(storeId: string, token: string): UnsubscribeClaim | null {
    const claim = this.open(token, UNSUBSCRIBE(storeId)) as { u?: unknown; t?: unknown } | null;
    return typeof claim?.u === 'string' && typeof claim.t === 'string'
      ? { userId: claim.u, type: claim.t }
      : null;
  }

  openTrack(storeId: string, token: string): TrackClaim | null {
    const claim = this.open(token, TRACK(storeId)) as { n?: unknown; u?: unknown } | null;
    if (typeof claim?.n !== 'string') return null;
    return typeof claim.u === 'string' ? { id: claim.n, url: claim.u } : { id: claim.n };
  }

  /**
   * The mail's HTML with every http(s) link sent through the click URL and an open pixel at the
   * end of the body.
   */
  track(html: string, origin: string, storeId: string, id: string): string {
    const seal = (claim: object) => this.sources().seal(JSON.stringify(claim), TRACK(storeId));
    const linked = html.replace(/href="(https?:\/\/[^"]+)"/g, (match, url: string) => {
      // leaving is not interest: the unsubscribe link is never counted as a click
      if (url.startsWith(`${origin}${BASE}/unsubscribe?`)) return match;
      const target = url.replace(/&amp;/g, '&');
      return `href="${origin}${BASE}/click?token=${seal({ n: id, u: target })}"`;
    });
    const pixel = `<img src="${origin}${BASE}/open.gif?token=${seal({ n: id })}" width="1" height="1" alt="">`;
    return linked.includes('</body>') ? linked.replace('</body>', `${pixel}</body>`) : `${linked}${pixel}`;
  }

  private open(token: string, aad: string): unknown {
    const text = this.sources().openSecret(token, aad);
    if (text === null) return null;
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  }
}
