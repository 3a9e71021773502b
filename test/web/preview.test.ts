import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { createStore, ok, signUpOwner } from '../kit/index.ts';

// A store that is not published is seen only through its preview link; a suspended one is
// "temporarily unavailable" (503). No browser needed: the pages are rendered on the server.
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ config: { BASE_DOMAIN: 'bazaar.test' } });
});
afterAll(() => server?.destroy());

const page = (url: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

let label = 0;

/** A DRAFT store opened by a new business owner: its host and preview token. */
async function draftStore(name: string) {
  const owner = await signUpOwner(server);
  const subdomain = `preview-${++label}-${Date.now().toString(36)}`;
  const store = await ok<{ previewUrl: string }>(
    owner.client().post('/platform/stores', { name, subdomain }),
  );
  const token = new URL(store.previewUrl).searchParams.get('preview')!;
  return { host: `${subdomain}.bazaar.test`, token };
}

describe('store preview', () => {
  it('keeps the preview link in an HttpOnly cookie and takes it out of the address', async () => {
    const { host, token } = await draftStore('Preview Bakery');
    const res = await page(`/?preview=${token}`, { host });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`bazaar_preview=${token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('shows an unpublished store to its preview cookie only', async () => {
    const { host, token } = await draftStore('Hidden Bakery');
    expect((await page('/', { host })).statusCode).toBe(404);
    const shown = await page('/', { host, cookie: `bazaar_preview=${token}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Hidden Bakery');
    expect(shown.body).toContain('Preview: this store is not published yet.');
    // a visitor without the cookie right after is not given the previewed page
    const stranger = await page('/', { host });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.body).not.toContain('Hidden Bakery');
  });

  it('shows the 404 page for a wrong preview token', async () => {
    const { host, token } = await draftStore('Other Bakery');
    const wrong = `${token.slice(0, -2)}xx`;
    const res = await page('/', { host, cookie: `bazaar_preview=${wrong}` });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Other Bakery');
  });

  it('keeps the rest of the address when it takes the preview token out', async () => {
    const { host, token } = await draftStore('Query Bakery');
    const res = await page(`/search?q=cake&preview=${token}`, { host });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/search?q=cake');
  });
});

describe('a suspended store', () => {
  it('is a "temporarily unavailable" page with status 503', async () => {
    await createStore(server, { name: 'Paused Shop', status: 'SUSPENDED', domain: 'paused' });
    const res = await page('/', { host: 'paused.bazaar.test' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('Temporarily unavailable');
    expect(res.body).not.toContain('Paused Shop');
  });
});
