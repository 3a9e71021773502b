/** @jsxImportSource preact */
import { LRUCache } from 'lru-cache';
import sanitizeHtml from 'sanitize-html';
import { formatMoney, type Money } from '../format.ts';
import { RatingLine } from './stars.tsx';
import type { ProductCard } from './types.ts';

export function Price(props: { price: Money | null; compareAt?: Money | null; language: string }) {
  if (!props.price) return <span class="price">Unavailable</span>;
  return (
    <span class="price">
      {formatMoney(props.price, props.language)}
      {props.compareAt && props.compareAt.amount > props.price.amount && (
        <s class="compare-at">{formatMoney(props.compareAt, props.language)}</s>
      )}
    </span>
  );
}

export function ProductGrid(props: { products: ProductCard[]; language: string }) {
  if (props.products.length === 0) return <p>No products found.</p>;
  return (
    <ul class="product-grid">
      {props.products.map((p) => (
        <li key={p.id}>
          <a href={`/products/${encodeURIComponent(p.slug)}`}>
            {p.thumbnail && <img src={p.thumbnail} alt="" width={320} height={320} loading="lazy" />}
            <span class="name">{p.name}</span>
          </a>
          <RatingLine rating={p.rating} count={p.ratingCount} />
          <Price price={p.price} compareAt={p.compareAtPrice} language={props.language} />
          {!p.inStock && <span class="notice">Out of stock</span>}
        </li>
      ))}
    </ul>
  );
}

export function Breadcrumbs(props: { trail: Array<{ slug: string; name: string }> }) {
  return (
    <nav aria-label="Breadcrumbs" class="breadcrumbs">
      <a href="/">Home</a>
      {props.trail.map((c) => (
        <span key={c.slug}>
          {' / '}
          <a href={`/categories/${encodeURIComponent(c.slug)}`}>{c.name}</a>
        </span>
      ))}
    </nav>
  );
}

/** What descriptions may keep: text structure, tables and links, nothing that runs or loads. */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'b',
    'i',
    'h3',
    'h4',
    'a',
    'table',
    'tr',
    'td',
    'th',
  ],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['https', 'http', 'mailto'],
};

/** Sanitized descriptions by their source: a product page's description is cleaned once, not per view. */
const sanitized = new LRUCache<string, string>({
  max: 2_000,
  maxSize: 8_000_000,
  sizeCalculation: (s) => s.length + 1,
});

/** Merchant-written HTML (a product description) reduced to formatting tags and safe links. */
export function SafeHtml(props: { html: string }) {
  let clean = sanitized.get(props.html);
  if (clean === undefined) {
    clean = sanitizeHtml(props.html, ALLOWED);
    sanitized.set(props.html, clean);
  }
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized to an allowlist just above
  return <div class="description" dangerouslySetInnerHTML={{ __html: clean }} />;
}
