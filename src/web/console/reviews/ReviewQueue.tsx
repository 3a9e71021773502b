import { useState } from 'react';
import { Link } from 'wouter';
import type { StaffReview } from '../../reviews.ts';
import { bazaar, call } from '../api.ts';
import { Choice, when, words } from '../form.tsx';
import { PagedTable } from '../PagedTable.tsx';
import { useCan } from '../permissions.ts';
import { Moderate } from './Moderate.tsx';
import { Stars } from './Stars.tsx';

/** The queue's tabs: a status, or the reviews buyers and sellers reported. */
const QUEUES = [
  ['PENDING', 'Pending'],
  ['PUBLISHED', 'Published'],
  ['HIDDEN', 'Hidden'],
  ['REJECTED', 'Rejected'],
  ['REPORTED', 'Reported'],
] as const;
type Queue = (typeof QUEUES)[number][0];

/** The query of a queue: its `status`; the reported ones are the published ones someone reported. */
const queryOf = (queue: Queue) =>
  queue === 'REPORTED' ? { status: 'PUBLISHED' as const, reported: 'true' as const } : { status: queue };

/** A review's title, or the start of its text, or its stars alone. */
export function headline(r: StaffReview): string {
  const text = r.title ?? r.body ?? '';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text || '(no text)';
}

/**
 * The moderation queue by status (pending ones oldest first), or the reported ones: each review
 * with its product, stars, author, holds and reports; approve, reject and hide for staff who may.
 */
export function ReviewQueue() {
  const [queue, setQueue] = useState<Queue>('PENDING');
  const can = useCan('reviews:moderate');
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Choice
          id="reviews-queue"
          label="Show"
          value={queue}
          onChange={(e) => setQueue(e.target.value as Queue)}
          options={QUEUES}
        />
      </form>
      <PagedTable<StaffReview>
        label="Reviews"
        queryKey="/admin/reviews"
        filter={{ queue }}
        fetchPage={(cursor) =>
          call(() =>
            bazaar.GET('/api/v1/admin/reviews', {
              params: { query: { ...queryOf(queue), limit: 20, cursor } },
            }),
          )
        }
        columns={[
          { header: 'Product', cell: (r) => r.product?.name || r.productId },
          { header: 'Rating', cell: (r) => <Stars rating={r.rating} /> },
          {
            header: 'Review',
            cell: (r) => (
              <Link href={`/reviews/${r.id}`} className="breakable">
                {headline(r)}
              </Link>
            ),
          },
          {
            header: 'Author',
            cell: (r) => `${r.author.name}${r.verifiedPurchase ? ' (verified purchase)' : ''}`,
          },
          { header: 'Written', cell: (r) => when(r.createdAt) },
          {
            header: 'Status',
            cell: (r) => (
              <>
                <span className={`status status-${r.status.toLowerCase()}`}>{words(r.status)}</span>
                {r.heldFor.length > 0 && <span className="hint"> held for {r.heldFor.join(' and ')}</span>}
                {r.reportCount > 0 && <span className="hint"> {r.reportCount} reports</span>}
              </>
            ),
          },
          { header: 'Decision', cell: (r) => (can ? <Moderate review={r} /> : words(r.status)) },
        ]}
      />
    </>
  );
}
