import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { StaffReview } from '../../reviews.ts';
import { bazaar, call } from '../api.ts';
import { Field, FormProblem, problemOf } from '../form.tsx';

type Action = 'approve' | 'reject' | 'hide';

/** Who wrote the review, to name it on its buttons ("Approve the review by Asha K."). */
const named = (r: StaffReview) => `the review by ${r.author.name}`;

/**
 * A review's moderation: approve or reject (a reason required) while it waits; hide a published
 * one (a reason optional); publish again one rejected or hidden. Lists and the review reload after.
 */
export function Moderate(props: { review: StaffReview }) {
  const client = useQueryClient();
  const [asking, setAsking] = useState<'reject' | 'hide' | null>(null);
  const [reason, setReason] = useState('');
  const r = props.review;
  const act = useMutation({
    mutationFn: (action: Action) => {
      const params = { path: { id: r.id } };
      const given = reason.trim();
      if (action === 'approve')
        return call(() => bazaar.POST('/api/v1/admin/reviews/{id}/approve', { params }));
      if (action === 'reject')
        return call(() =>
          bazaar.POST('/api/v1/admin/reviews/{id}/reject', { params, body: { reason: given } }),
        );
      const body = given ? { reason: given } : {};
      return call(() => bazaar.POST('/api/v1/admin/reviews/{id}/hide', { params, body }));
    },
    onSuccess: () => {
      setAsking(null);
      setReason('');
      void client.invalidateQueries({ queryKey: ['/admin/reviews'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (asking) act.mutate(asking);
  };
  if (asking)
    return (
      <form className="inline-form" onSubmit={submit} noValidate>
        <Field
          id={`${asking}-${r.id}`}
          label={
            asking === 'reject'
              ? `Reason for rejecting ${named(r)}`
              : `Reason for hiding ${named(r)} (optional)`
          }
          value={reason}
          error={problemOf(act.error).errorOf('/reason')}
          onChange={(e) => setReason(e.target.value)}
        />
        <FormProblem error={act.error} />
        <button type="submit" className="danger" disabled={act.isPending}>
          {asking === 'reject' ? 'Confirm rejection' : 'Confirm hiding'}
        </button>
        <button type="button" onClick={() => setAsking(null)}>
          Keep it
        </button>
      </form>
    );
  const approve = (label: string) => (
    <button
      type="button"
      aria-label={`${label} ${named(r)}`}
      disabled={act.isPending}
      onClick={() => act.mutate('approve')}
    >
      {label}
    </button>
  );
  return (
    <div className="actions">
      {r.status === 'PENDING' && approve('Approve')}
      {r.status === 'PENDING' && (
        <button
          type="button"
          className="danger"
          aria-label={`Reject ${named(r)}`}
          onClick={() => setAsking('reject')}
        >
          Reject
        </button>
      )}
      {r.status === 'PUBLISHED' && (
        <button
          type="button"
          className="danger"
          aria-label={`Hide ${named(r)}`}
          onClick={() => setAsking('hide')}
        >
          Hide
        </button>
      )}
      {(r.status === 'REJECTED' || r.status === 'HIDDEN') && approve('Publish')}
      <FormProblem error={act.error} />
    </div>
  );
}
