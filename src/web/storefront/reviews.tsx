/** @jsxImportSource preact */
import type { Api } from '../api.ts';
import { type ProductReviews, REVIEW_SORTS, type ReviewSort, STARS } from '../reviews.ts';
import type { Choices } from './browse.tsx';
import { Island } from './layout.tsx';
import { Stars } from './stars.tsx';

/** The reviews list as the visitor chose it in the address: sort, one star rating, verified only. */
export interface ReviewChoices {
  sort: ReviewSort;
  stars: string | undefined;
  verified: boolean;
  cursor: string | undefined;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The review choices of a product page's query; anything unknown is dropped (never a 400). */
export function reviewChoices(query: Choices): ReviewChoices {
  const sort = first(query.sort);
  const stars = first(query.stars);
  const cursor = first(query.cursor);
  return {
    sort: REVIEW_SORTS.some(([s]) => s === sort) ? (sort as ReviewSort) : 'newest',
    stars: stars && /^[1-5]$/.test(stars) ? stars : undefined,
    verified: first(query.verified) === 'true',
    cursor: cursor && cursor.length <= 500 ? cursor : undefined,
  };
}

/** The query of the reviews call for `choices` (what the API takes). */
export function reviewQuery(choices: Omit<ReviewChoices, 'cursor'>, cursor?: string) {
  return {
    sort: choices.sort,
    stars: choices.stars,
    verified: choices.verified ? 'true' : undefined,
    cursor,
    limit: '10',
  };
}

/** A product's published reviews and their summary, as the visitor chose them; null when it fails. */
export async function productReviews(
  api: Api,
  idOrSlug: string,
  choices: ReviewChoices,
): Promise<ProductReviews | null> {
  const answer = await api.get('/api/v1/products/{idOrSlug}/reviews', {
    path: { idOrSlug },
    query: reviewQuery(choices, choices.cursor),
  });
  return answer.ok ? answer.body : null;
}

/** The address of the product page with these review choices (`#reviews` keeps the place). */
export function reviewsHref(slug: string, choices: Partial<Omit<ReviewChoices, 'cursor'>>, cursor?: string) {
  const search = new URLSearchParams();
  if (choices.sort && choices.sort !== 'newest') search.set('sort', choices.sort);
  if (choices.stars) search.set('stars', choices.stars);
  if (choices.verified) search.set('verified', 'true');
  if (cursor) search.set('cursor', cursor);
  const query = search.size > 0 ? `?${search}` : '';
  return `/products/${encodeURIComponent(slug)}${query}#reviews`;
}

/** The average, its stars and the count, and a bar per star rating that filters the list to it. */
function Summary(props: { slug: string; reviews: ProductReviews; choices: ReviewChoices }) {
  const { average, count, histogram } = props.reviews.summary;
  const most = Math.max(1, ...STARS.map((s) => histogram[s] ?? 0));
  return (
    <div class="review-summary">
      <p class="review-average">
        <span class="big">{count > 0 ? average.toFixed(1) : '–'}</span>
        <Stars rating={average} size="large" />
        <span>
          {count} {count === 1 ? 'review' : 'reviews'}
        </span>
      </p>
      <ul class="histogram" aria-label="Reviews by star rating">
        {STARS.map((s) => {
          const n = histogram[s] ?? 0;
          const on = props.choices.stars === s;
          return (
            <li key={s}>
              <a
                class="histogram-row"
                href={reviewsHref(props.slug, { ...props.choices, stars: on ? undefined : s })}
                aria-current={on ? 'true' : undefined}
              >
                <span class="histogram-label">
                  {s}
                  <span aria-hidden="true"> ★</span>
                  <span class="visually-hidden"> stars: </span>
                </span>
                <span class="bar" aria-hidden="true">
                  <span style={`width:${(n / most) * 100}%`} />
                </span>
                <span class="histogram-count">
                  {n}
                  <span class="visually-hidden"> {n === 1 ? 'review' : 'reviews'}</span>
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Sort and filters as a plain GET form: it works without script and its address can be shared. */
function ReviewFilters(props: { slug: string; choices: ReviewChoices }) {
  const { sort, stars, verified } = props.choices;
  return (
    <form
      class="review-filters"
      action={`/products/${encodeURIComponent(props.slug)}#reviews`}
      method="get"
      aria-label="Sort and filter reviews"
    >
      <label for="review-sort">Sort reviews</label>
      <select id="review-sort" name="sort">
        {REVIEW_SORTS.map(([value, label]) => (
          <option key={value} value={value} selected={value === sort}>
            {label}
          </option>
        ))}
      </select>
      <label for="review-stars">Stars</label>
      <select id="review-stars" name="stars">
        <option value="">All stars</option>
        {STARS.map((s) => (
          <option key={s} value={s} selected={s === stars}>
            {s} {s === '1' ? 'star' : 'stars'}
          </option>
        ))}
      </select>
      <span class="check">
        <input type="checkbox" id="review-verified" name="verified" value="true" checked={verified} />
        <label for="review-verified">Verified purchases only</label>
      </span>
      <button type="submit" class="secondary">
        Show
      </button>
    </form>
  );
}

/**
 * The product page's reviews: the summary and the first page rendered here (search engines and
 * browsers without script see them), the list an island (votes, reports, more pages).
 */
export function ReviewsSection(props: {
  product: { id: string; slug: string };
  reviews: ProductReviews | null;
  choices: ReviewChoices;
  language: string;
}) {
  const { product, reviews, choices } = props;
  return (
    <section id="reviews" class="reviews" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Customer reviews</h2>
      {reviews ? (
        <>
          <Summary slug={product.slug} reviews={reviews} choices={choices} />
          <div>
            <ReviewFilters slug={product.slug} choices={choices} />
            <Island
              name="ReviewList"
              props={{
                productId: product.id,
                items: reviews.items,
                nextCursor: reviews.nextCursor,
                choices: { sort: choices.sort, stars: choices.stars, verified: choices.verified },
                moreHref: reviews.nextCursor ? reviewsHref(product.slug, choices, reviews.nextCursor) : null,
                language: props.language,
              }}
            />
          </div>
        </>
      ) : (
        <p>Reviews cannot be shown just now.</p>
      )}
      <p class="write-review">
        Bought this? <a href="/account">Write a review from your orders</a>
      </p>
    </section>
  );
}
