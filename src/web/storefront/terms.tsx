/** @jsxImportSource preact */
// The store's terms as pages: `/terms/{kind}` (the current text, its version and date) and
// `/terms/{kind}/versions/{n}`; and what the sign-up and checkout forms ask to accept.
import type { Api } from '../api.ts';
import { paragraphs } from '../format.ts';
import { notFound, type Page, type PageInput } from './pages.tsx';
import type { TermsToAccept } from './terms.island.tsx';

/** The store policies (settings) a published kind of terms replaces (decision 031). */
export const POLICY_KINDS: Record<string, string> = {
  terms: 'terms-of-sale',
  privacy: 'privacy',
  returns: 'returns-policy',
};

/** The buyer-facing kinds that ask for acceptance (`checkoutOnly`: the terms of sale alone). */
export async function termsToAccept(api: Api, checkoutOnly: boolean): Promise<TermsToAccept[]> {
  const found = await api.get('/api/v1/terms');
  if (!found.ok) return [];
  return found.body.items
    .filter((t) => t.audience === 'BUYER' && t.acceptanceRequired)
    .filter((t) => !checkoutOnly || t.kind === 'terms-of-sale')
    .map((t) => ({ kind: t.kind, version: t.version, title: t.title }));
}

type Version = {
  kind: string;
  version: number;
  title: string;
  body: string;
  publishedAt: string;
  current: boolean;
  language: string;
};

function termsPage(v: Version, store: PageInput['store'], canonical: string): Page {
  const date = new Date(v.publishedAt).toLocaleDateString(store.language, { dateStyle: 'long' });
  return {
    status: 200,
    meta: { title: `${v.title} | ${store.name}`, canonical },
    body: (
      <article class="policy" lang={v.language}>
        <h1>{v.title}</h1>
        <p class="terms-version">
          Version {v.version}, published {date}
          {!v.current && (
            <>
              {' '}
              (not the current version: <a href={`/terms/${v.kind}`}>read the current one</a>)
            </>
          )}
        </p>
        {paragraphs(v.body).map((para, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a text never reorder
          <p key={i}>{para}</p>
        ))}
      </article>
    ),
  };
}

/** `/terms/{kind}`: the current version in the store's language. */
export async function terms({ api, store, params }: PageInput): Promise<Page> {
  const kind = params.kind ?? '';
  const found = await api.get('/api/v1/terms/{kind}', { path: { kind }, query: { lang: store.language } });
  if (!found.ok) return notFound(store);
  return termsPage(found.body, store, `/terms/${found.body.kind}`);
}

/** `/terms/{kind}/versions/{n}`: a published version, current or not (what a buyer accepted). */
export async function termsVersion({ api, store, params }: PageInput): Promise<Page> {
  const kind = params.kind ?? '';
  const version = params.version ?? '';
  if (!/^\d{1,7}$/.test(version)) return notFound(store);
  const found = await api.get('/api/v1/terms/{kind}/versions/{version}', { path: { kind, version } });
  if (!found.ok) return notFound(store);
  return termsPage(found.body, store, `/terms/${kind}/versions/${version}`);
}

/** A store policy page shows the published terms of its kind when there are (they win over the setting). */
export async function publishedPolicy(input: PageInput): Promise<Page | null> {
  const kind = POLICY_KINDS[input.params.kind ?? ''];
  if (!kind) return null;
  const page = await terms({ ...input, params: { kind } });
  return page.status === 200 ? page : null;
}
