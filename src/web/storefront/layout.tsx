/** @jsxImportSource preact */
import type { ComponentChildren, FunctionComponent } from 'preact';
import type { EntryAssets } from '../assets.ts';
import { type IslandName, islands } from './islands.tsx';
import type { StoreInfo } from './types.ts';

export interface PageMeta {
  title: string;
  description?: string | undefined;
  /** The page's own address (path and query), made absolute with the request's origin. */
  canonical?: string | undefined;
  /** JSON-LD describing the page (a Product), written as a script of type application/ld+json. */
  jsonLd?: object | undefined;
}

/** A part of the page that runs in the browser: rendered here, hydrated there with the same props. */
export function Island<N extends IslandName>(props: { name: N; props: Parameters<(typeof islands)[N]>[0] }) {
  const Component = islands[props.name] as FunctionComponent<typeof props.props>;
  return (
    <div data-island={props.name} data-props={JSON.stringify(props.props)}>
      <Component {...props.props} />
    </div>
  );
}

/** JSON for a script element: `<` escaped so no value can close the element. */
const scriptJson = (value: object) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Black or white, whichever reads better on the colour `#rrggbb` (WCAG relative luminance). */
function textOn(hex: string): string {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.179 ? '#1d1d1f' : '#ffffff';
}

/** The store's accent colour as the stylesheet's custom properties (none: the built-in colours). */
function brandStyle(branding: StoreInfo['branding']): string | undefined {
  const accent = branding.accentColor;
  return accent ? `--accent:${accent};--on-accent:${textOn(accent)}` : undefined;
}

const POLICY_LINKS: Record<StoreInfo['policies'][number], string> = {
  terms: 'Terms of service',
  privacy: 'Privacy policy',
  returns: 'Returns',
  shipping: 'Shipping',
};

/** The store's name, how to reach it (its contact settings) and links to the policies it has. */
function Footer(props: { store: StoreInfo }) {
  const { name, contact, policies } = props.store;
  const a = contact.address;
  const place = a && [a.line1, a.line2, [a.postalCode, a.city].join(' '), a.region, a.country];
  return (
    <footer class="site-footer">
      <p>{name}</p>
      {(contact.email || contact.phone || a) && (
        <address>
          {place && <span>{place.filter(Boolean).join(', ')}</span>}
          {contact.phone && <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</a>}
          {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
        </address>
      )}
      {policies.length > 0 && (
        <nav aria-label="Policies">
          {policies.map((kind) => (
            <a key={kind} href={`/policies/${kind}`}>
              {POLICY_LINKS[kind]}
            </a>
          ))}
        </nav>
      )}
    </footer>
  );
}

export function Layout(props: {
  store: StoreInfo;
  meta: PageMeta;
  origin: string;
  assets: EntryAssets | null;
  /** The search box's text (the search page's query). */
  query?: string | undefined;
  children: ComponentChildren;
}) {
  const { store, meta, assets } = props;
  return (
    <html lang={store.language} style={brandStyle(store.branding)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{meta.title}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        {meta.canonical && <link rel="canonical" href={`${props.origin}${meta.canonical}`} />}
        {assets?.styles.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {assets && <script type="module" src={assets.script} />}
        {meta.jsonLd && (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with every `<` escaped
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(meta.jsonLd) }} />
        )}
      </head>
      <body>
        {store.status !== 'PUBLISHED' && (
          // only a preview link shows a store that is not published (decision 018)
          <p class="preview-note" role="note">
            Preview: this store is not published yet. You can browse it and fill a cart; orders can be placed
            once it is published.
          </p>
        )}
        <header class="site-header">
          <a class="brand" href="/">
            {store.branding.logoUrl && <img src={store.branding.logoUrl} alt="" height={32} />}
            <span>{store.name}</span>
          </a>
          <Island name="SearchBox" props={{ initial: props.query ?? '' }} />
          <nav aria-label="Account">
            <Island name="NotificationBell" props={{ language: store.language }} />
            <a href="/account">Account</a>
            <a href="/cart">Cart</a>
          </nav>
        </header>
        <main id="content">{props.children}</main>
        <Footer store={store} />
      </body>
    </html>
  );
}
