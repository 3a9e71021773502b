import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { REPORT_REASONS } from '../../reviews.ts';
import { bazaar, call } from '../api.ts';
import { when, words } from '../form.tsx';
import { Table } from '../PagedTable.tsx';
import { useCan } from '../permissions.ts';
import { Moderate } from './Moderate.tsx';
import { ReplyEditor } from './Reply.tsx';
import { Paragraphs, Stars } from './Stars.tsx';

const reasonWords = new Map<string, string>(REPORT_REASONS);

/** One review for staff: its text, where it stands, why it was held, its reports, and the decisions. */
export function ReviewDetail(props: { id: string }) {
  const can = useCan('reviews:moderate');
  const review = useQuery({
    queryKey: ['/admin/reviews', props.id],
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/admin/reviews/{id}', { params: { path: { id: props.id } } })),
  });
  if (review.isPending) return <p>Loading…</p>;
  if (review.isError) return <p role="alert">{review.error.message}</p>;
  const r = review.data;
  const reports = r.reports.map((p, i) => ({ ...p, id: String(i) }));
  return (
    <>
      <p>
        <Link href="/reviews">All reviews</Link>
      </p>
      <h1>Review by {r.author.name}</h1>
      <div className="columns">
        <section className="card" aria-label="Review">
          <p>
            <Stars rating={r.rating} /> <strong className="breakable">{r.title}</strong>
          </p>
          <div className="breakable">
            <Paragraphs text={r.body} />
          </div>
          {r.images.length > 0 && (
            <ul className="links">
              {r.images.map((src, i) => (
                <li key={src}>
                  <a href={src} rel="nofollow noopener noreferrer" target="_blank">
                    Photo {i + 1}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <h2>Reply</h2>
          <ReplyEditor review={r} invalidate="/admin/reviews" />
        </section>
        <section className="card" aria-label="Facts">
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <span className={`status status-${r.status.toLowerCase()}`}>{words(r.status)}</span>
            </dd>
            {r.rejectionReason && (
              <>
                <dt>Reason</dt>
                <dd>{r.rejectionReason}</dd>
              </>
            )}
            <dt>Held for</dt>
            <dd>{r.heldFor.length > 0 ? r.heldFor.join(', ') : '–'}</dd>
            <dt>Product</dt>
            <dd>
              {r.product ? (
                <a href={`/products/${encodeURIComponent(r.product.slug)}`}>{r.product.name}</a>
              ) : (
                r.productId
              )}
            </dd>
            <dt>Verified purchase</dt>
            <dd>{r.verifiedPurchase ? 'yes' : 'no'}</dd>
            <dt>Delivery, seller</dt>
            <dd>
              {r.deliveryRating ?? '–'}, {r.sellerRating ?? '–'}
            </dd>
            <dt>Helpful</dt>
            <dd>
              {r.helpfulCount} yes, {r.notHelpfulCount} no
            </dd>
            <dt>Written</dt>
            <dd>{when(r.createdAt)}</dd>
            <dt>Changed</dt>
            <dd>{when(r.updatedAt)}</dd>
          </dl>
          {can && <Moderate review={r} />}
        </section>
      </div>
      <h2>Reports</h2>
      {reports.length === 0 ? (
        <p>Nobody has reported this review.</p>
      ) : (
        <Table
          label="Reports"
          rows={reports}
          columns={[
            { header: 'Reason', cell: (p) => reasonWords.get(p.reason) ?? p.reason },
            { header: 'Note', cell: (p) => <span className="breakable">{p.note ?? '–'}</span> },
            { header: 'Reported', cell: (p) => when(p.createdAt) },
          ]}
        />
      )}
    </>
  );
}
