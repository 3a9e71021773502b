import { useState } from 'react';
import type { SellerReview } from '../../reviews.ts';
import { bazaar, call } from '../api.ts';
import { Choice, when } from '../form.tsx';
import { PagedTable } from '../PagedTable.tsx';
import { ReplyEditor } from './Reply.tsx';
import { Paragraphs, Stars } from './Stars.tsx';

const FILTERS = [
  ['', 'All reviews'],
  ['false', 'Not replied'],
  ['true', 'Replied'],
] as const;

/** The reviews of the seller's offers, newest first (all, or those replied to or not), each with its reply. */
export function SellerReviews() {
  const [replied, setReplied] = useState('');
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Choice
          id="reviews-replied"
          label="Show"
          value={replied}
          onChange={(e) => setReplied(e.target.value)}
          options={FILTERS}
        />
      </form>
      <PagedTable<SellerReview>
        label="Reviews"
        queryKey="/seller/reviews"
        filter={{ replied }}
        fetchPage={(cursor) =>
          call(() =>
            bazaar.GET('/api/v1/seller/reviews', {
              params: {
                query: { limit: 20, cursor, ...(replied ? { replied: replied as 'true' | 'false' } : {}) },
              },
            }),
          )
        }
        columns={[
          {
            header: 'Product',
            cell: (r) => (
              <a href={`/products/${encodeURIComponent(r.product.slug)}#reviews`}>{r.product.name}</a>
            ),
          },
          { header: 'Rating', cell: (r) => <Stars rating={r.rating} /> },
          {
            header: 'Review',
            cell: (r) => (
              <div className="breakable">
                {r.title && <strong>{r.title}</strong>}
                <Paragraphs text={r.body} />
                <p className="hint">
                  {r.author.name}
                  {r.verifiedPurchase ? ', verified purchase' : ''}, {when(r.createdAt)}
                  {r.sellerRating ? `; seller ${r.sellerRating} of 5` : ''}
                  {r.deliveryRating ? `; delivery ${r.deliveryRating} of 5` : ''}
                </p>
              </div>
            ),
          },
          { header: 'Reply', cell: (r) => <ReplyEditor review={r} invalidate="/seller/reviews" /> },
        ]}
      />
    </>
  );
}
