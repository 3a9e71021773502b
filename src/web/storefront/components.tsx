/** @jsxImportSource preact */
import sanitizeHtml from 'sanitize-html';
import { formatMoney, type Money } from '../format.ts';
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

/** Merchant-written HTML (a product description) reduced to formatting tags and safe links. */
export function SafeHtml(props: { html: string }) {
  const clean = sanitizeHtml(props.html, {
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
  });
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized to an allowlist just above
  return <div class="description" dangerouslySetInnerHTML={{ __html: clean }} />;
}
