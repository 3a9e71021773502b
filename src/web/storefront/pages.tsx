/** @jsxImportSource preact */
import type { VNode } from 'preact';
import type { Api } from '../api.ts';
import { majorUnits, paragraphs } from '../format.ts';
import type { ProductReviews } from '../reviews.ts';
import { browse, type Choices, FacetForm, NextPage } from './browse.tsx';
import { Breadcrumbs, Price, ProductGrid, SafeHtml } from './components.tsx';
import { Island, type PageMeta } from './layout.tsx';
import { productReviews, ReviewsSection, reviewChoices } from './reviews.tsx';
import { RatingLine } from './stars.tsx';
import { publishedPolicy, termsToAccept } from './terms.tsx';
import type { Offer, ProductPageData, StoreInfo } from './types.ts';

/** What a page handler answers: the status, the head's facts and the body. */
export interface Page {
  status: number;
  meta: PageMeta;
  body: VNode;
  query?: string;
}

export interface PageInput {
  api: Api;
  store: StoreInfo;
  params: Record<string, string>;
  query: Choices;
}

export function notFound(store: StoreInfo): Page {
  return {
    status: 404,
    meta: { title: `Not found | ${store.name}` },
    body: (
      <section>
        <h1>Page not found</h1>
        <p>
          There is nothing here. <a href="/">Back to the shop</a>
        </p>
      </section>
    ),
  };
}

export async function home({ api, store }: PageInput): Promise<Page> {
  const [categories, newest] = await Promise.all([
    api.get('/api/v1/categories'),
    api.get('/api/v1/products', { query: { limit: '24', sort: 'newest', facets: 'false' } }),
  ]);
  return {
    status: 200,
    meta: { title: store.name, description: `Shop at ${store.name}.`, canonical: '/' },
    body: (
      <>
        <h1>{store.name}</h1>
        <nav aria-label="Categories">
          <ul class="categories">
            {(categories.ok ? categories.body.items : []).map((c) => (
              <li key={c.slug}>
                <a href={`/categories/${encodeURIComponent(c.slug)}`}>{c.name}</a>
              </li>
            ))}
          </ul>
        </nav>
        <h2>New in</h2>
        <ProductGrid products={newest.ok ? newest.body.items : []} language={store.language} />
      </>
    ),
  };
}

export async function category({ api, store, params, query }: PageInput): Promise<Page> {
  const found = await api.get('/api/v1/categories/{slug}', { path: { slug: params.slug ?? '' } });
  if (!found.ok) return notFound(store);
  const c = found.body;
  const path = `/categories/${encodeURIComponent(c.slug)}`;
  const list = await browse(api, { category: c.slug }, query);
  return {
    status: 200,
    meta: { title: `${c.name} | ${store.name}`, description: c.description ?? undefined, canonical: path },
    body: (
      <>
        <Breadcrumbs trail={c.breadcrumbs.slice(0, -1)} />
        <h1>{c.name}</h1>
        {c.children.length > 0 && (
          <ul class="categories">
            {c.children.map((child) => (
              <li key={child.slug}>
                <a href={`/categories/${encodeURIComponent(child.slug)}`}>{child.name}</a>
              </li>
            ))}
          </ul>
        )}
        <div class="browse">
          <FacetForm action={path} facets={list.ok ? list.body.facets : undefined} choices={query} />
          <div>
            <ProductGrid products={list.ok ? list.body.items : []} language={store.language} />
            <NextPage path={path} choices={query} cursor={list.ok ? list.body.nextCursor : null} />
          </div>
        </div>
      </>
    ),
  };
}

export async function search({ api, store, query }: PageInput): Promise<Page> {
  const q = (Array.isArray(query.q) ? query.q[0] : query.q)?.trim() ?? '';
  const list = q ? await browse(api, { q }, query) : null;
  return {
    status: 200,
    query: q,
    meta: { title: q ? `${q} | ${store.name}` : `Search | ${store.name}` },
    body: (
      <>
        <h1>{q ? `Results for “${q}”` : 'Search'}</h1>
        {list && (
          <div class="browse">
            <FacetForm
              action="/search"
              facets={list.ok ? list.body.facets : undefined}
              choices={query}
              hidden={{ q }}
            />
            <div>
              <ProductGrid products={list.ok ? list.body.items : []} language={store.language} />
              <NextPage path="/search" choices={query} cursor={list.ok ? list.body.nextCursor : null} />
            </div>
          </div>
        )}
      </>
    ),
  };
}

/** The first reviews of the page as schema.org Reviews (the text as written: JSON, never markup). */
function reviewsJsonLd(reviews: ProductReviews | null) {
  const items = (reviews?.items ?? []).slice(0, 5);
  if (items.length === 0) return {};
  return {
    review: items.map((r) => ({
      '@type': 'Review',
      reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5 },
      author: { '@type': 'Person', name: r.author.name },
      datePublished: r.createdAt.slice(0, 10),
      ...(r.title ? { name: r.title } : {}),
      ...(r.body ? { reviewBody: r.body } : {}),
    })),
  };
}

function productJsonLd(p: ProductPageData, store: StoreInfo, reviews: ProductReviews | null) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    ...(p.brand ? { brand: { '@type': 'Brand', name: p.brand } } : {}),
    ...(p.images[0] ? { image: p.images.map((i) => i.url) } : {}),
    sku: p.variants[0]?.sku,
    ...(p.ratingCount > 0
      ? { aggregateRating: { '@type': 'AggregateRating', ratingValue: p.rating, reviewCount: p.ratingCount } }
      : {}),
    ...reviewsJsonLd(reviews),
    ...(p.price
      ? {
          offers: {
            '@type': 'Offer',
            priceCurrency: p.price.currency,
            price: majorUnits(p.price),
            availability: `https://schema.org/${p.inStock ? 'InStock' : 'OutOfStock'}`,
            seller: { '@type': 'Organization', name: store.name },
          },
        }
      : {}),
  };
}

/** The variant's cheapest offer a buyer can take now. */
function bestOffer(offers: Offer[]) {
  const open = offers.filter((o) => o.available).sort((a, b) => a.price.amount - b.price.amount);
  return open[0] ? { id: open[0].id, price: open[0].price } : null;
}

/** A choice of options when the product has them, else the one button for its best offer. */
/** Whether the buyer picks a variant by its options (the picker then shows the chosen one's price). */
function choosesVariant(product: ProductPageData): boolean {
  return (product.options ?? []).length > 0 && product.variants.length >= 2;
}

function BuyBox(props: { product: ProductPageData; language: string }) {
  const { options = [], variants, inStock, bestOfferId } = props.product;
  if (!choosesVariant(props.product))
    return <Island name="AddToCart" props={{ offerId: inStock ? bestOfferId : null }} />;
  const picker = variants.map((v) => ({ options: v.options, offer: bestOffer(v.offers) }));
  return <Island name="VariantPicker" props={{ options, variants: picker, language: props.language }} />;
}

export async function product({ api, store, params, query }: PageInput): Promise<Page> {
  const slug = params.slug ?? '';
  const choices = reviewChoices(query);
  const [found, reviews] = await Promise.all([
    api.get('/api/v1/products/{idOrSlug}', { path: { idOrSlug: slug } }),
    productReviews(api, slug, choices),
  ]);
  if (!found.ok) return notFound(store);
  const p = found.body;
  return {
    status: 200,
    meta: {
      title: p.seoTitle ?? `${p.name} | ${store.name}`,
      description: p.seoDescription ?? p.shortDescription ?? undefined,
      canonical: `/products/${encodeURIComponent(p.slug)}`,
      jsonLd: productJsonLd(p, store, reviews),
    },
    body: (
      <article class="product">
        <Breadcrumbs trail={p.breadcrumbs} />
        <div class="gallery">
          {p.images.slice(0, 4).map((image, i) => (
            <img
              key={image.url}
              src={image.url}
              srcset={image.srcset ?? undefined}
              sizes={image.srcset ? '(min-width: 48rem) 25vw, 50vw' : undefined}
              alt={image.altText ?? p.name}
              width={image.width ?? 480}
              height={image.height ?? 480}
              loading={i ? 'lazy' : 'eager'}
            />
          ))}
        </div>
        <div class="buy">
          <h1>{p.name}</h1>
          {p.brand && <p class="brand">{p.brand}</p>}
          {!choosesVariant(p) && (
            <Price price={p.price} compareAt={p.compareAtPrice} language={store.language} />
          )}
          {p.ratingCount > 0 && (
            <p class="rating">
              <RatingLine rating={p.rating} count={p.ratingCount} href="#reviews" />
            </p>
          )}
          <BuyBox product={p} language={store.language} />
          {p.bestOfferId && (
            <Island name="AskForQuote" props={{ offerId: p.bestOfferId, productName: p.name }} />
          )}
          <Island name="SaveToWishlist" props={{ offerId: p.bestOfferId }} />
        </div>
        {p.description && <SafeHtml html={p.description} />}
        {p.specs.length > 0 && (
          <table class="specs">
            <caption>Specifications</caption>
            <tbody>
              {p.specs.map((s) => (
                <tr key={s.name}>
                  <th scope="row">{s.name}</th>
                  <td>{s.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ReviewsSection
          product={{ id: p.id, slug: p.slug }}
          reviews={reviews}
          choices={choices}
          language={store.language}
        />
      </article>
    ),
  };
}

export async function cart({ store }: PageInput): Promise<Page> {
  return {
    status: 200,
    meta: { title: `Cart | ${store.name}` },
    body: (
      <>
        <h1>Your cart</h1>
        <Island name="CartView" props={{ language: store.language }} />
      </>
    ),
  };
}

export async function checkout({ api, store }: PageInput): Promise<Page> {
  const [methods, shipping, terms] = await Promise.all([
    api.get('/api/v1/payment-methods'),
    api.get('/api/v1/shipping-methods'),
    termsToAccept(api, true),
  ]);
  const providers = methods.ok ? methods.body.items.map((m) => m.provider) : [];
  const shippingMethods = shipping.ok ? shipping.body.items : [];
  return {
    status: 200,
    meta: { title: `Checkout | ${store.name}` },
    body: (
      <>
        <h1>Checkout</h1>
        <Island name="CheckoutForm" props={{ language: store.language, providers, shippingMethods, terms }} />
      </>
    ),
  };
}

/** Where PayPal sends the buyer back (`?payment=<id>&token=<PayPal order>`): the payment confirmed. */
export async function paypalReturn({ store, query }: PageInput): Promise<Page> {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const paymentId = first(query.payment) ?? '';
  return {
    status: 200,
    meta: { title: `Payment | ${store.name}` },
    body: (
      <>
        <h1>Your payment</h1>
        <Island name="PayPalReturn" props={{ paymentId, cancelled: first(query.cancelled) === '1' }} />
      </>
    ),
  };
}

export async function account({ api, store }: PageInput): Promise<Page> {
  const terms = await termsToAccept(api, false);
  return {
    status: 200,
    meta: { title: `Your account | ${store.name}` },
    body: (
      <>
        <h1>Your account</h1>
        <Island name="AccountPanel" props={{ language: store.language, terms }} />
      </>
    ),
  };
}

/** The buyer's reviews: each with its product and status (waiting, published, or refused and why). */
export async function myReviews({ store }: PageInput): Promise<Page> {
  return {
    status: 200,
    meta: { title: `Your reviews | ${store.name}` },
    body: (
      <>
        <AccountCrumb />
        <h1>Your reviews</h1>
        <Island name="MyReviews" props={{ language: store.language }} />
      </>
    ),
  };
}

/** The way back to the account from its own pages. */
function AccountCrumb() {
  return (
    <nav aria-label="Breadcrumbs" class="breadcrumbs">
      <a href="/account">Your account</a>
    </nav>
  );
}

/** The buyer's requests for a quote: each with its items, the quote and a way to decline it. */
export async function myQuotes({ store }: PageInput): Promise<Page> {
  return {
    status: 200,
    meta: { title: `Your quotes | ${store.name}` },
    body: (
      <>
        <AccountCrumb />
        <h1>Your quotes</h1>
        <Island name="MyQuotes" props={{ language: store.language }} />
      </>
    ),
  };
}

/** The buyer's notifications, newest first: unread ones marked, `Mark all read`. */
export async function myNotifications({ store }: PageInput): Promise<Page> {
  return {
    status: 200,
    meta: { title: `Your notifications | ${store.name}` },
    body: (
      <>
        <AccountCrumb />
        <h1>Your notifications</h1>
        <p>
          <a href="/account/notifications/preferences">Notification preferences</a>
        </p>
        <Island name="NotificationFeed" props={{ language: store.language }} />
      </>
    ),
  };
}

/** How the buyer is reached: channels, per-message switches, quiet hours, language, push on this device. */
export async function notificationPreferences({ store }: PageInput): Promise<Page> {
  return {
    status: 200,
    meta: { title: `Notification preferences | ${store.name}` },
    body: (
      <>
        <AccountCrumb />
        <h1>Notification preferences</h1>
        <Island name="NotificationPreferences" props={{ language: store.language }} />
      </>
    ),
  };
}

/** The buyer's saved cards: list, make default, remove, `Add a card`. */
export async function paymentMethods({ store }: PageInput): Promise<Page> {
  return {
    status: 200,
    meta: { title: `Payment methods | ${store.name}` },
    body: (
      <>
        <AccountCrumb />
        <h1>Payment methods</h1>
        <Island name="PaymentMethods" props={{ language: store.language }} />
      </>
    ),
  };
}

/** Where the reset mail's link leads (`?token=`): the code and a new password. */
export async function resetPassword({ store, query }: PageInput): Promise<Page> {
  const token = Array.isArray(query.token) ? query.token[0] : query.token;
  return {
    status: 200,
    meta: { title: `Set a new password | ${store.name}` },
    body: (
      <>
        <h1>Set a new password</h1>
        <Island name="ResetPassword" props={{ token: token ?? '' }} />
      </>
    ),
  };
}

/** Where the verification mail's link leads (`?token=`): the code, confirmed with a button. */
export async function verifyEmail({ store, query }: PageInput): Promise<Page> {
  const token = Array.isArray(query.token) ? query.token[0] : query.token;
  return {
    status: 200,
    meta: { title: `Confirm your email address | ${store.name}` },
    body: (
      <>
        <h1>Confirm your email address</h1>
        <Island name="VerifyEmail" props={{ token: token ?? '' }} />
      </>
    ),
  };
}

/**
 * One of the store's policies (`/policies/terms`, `privacy`, `returns`, `shipping`): the published
 * terms of its kind where there are (they win, decision 031), else its text as the admin wrote it, shown as text (never as markup), paragraphs split at blank lines; 404 when
 * the store has not set it.
 */
export async function policy(input: PageInput): Promise<Page> {
  const { api, store, params } = input;
  const terms = await publishedPolicy(input);
  if (terms) return terms;
  const found = await api.get('/api/v1/store/policies/{kind}', { path: { kind: params.kind ?? '' } });
  if (!found.ok) return notFound(store);
  const p = found.body;
  return {
    status: 200,
    meta: { title: `${p.title} | ${store.name}`, canonical: `/policies/${p.kind}` },
    body: (
      <article class="policy">
        <h1>{p.title}</h1>
        {paragraphs(p.text).map((para, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a text never reorder
          <p key={i}>{para}</p>
        ))}
      </article>
    ),
  };
}
