import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { bazaar, call } from '../api.ts';
import { Choice, Field, FormProblem, problemOf } from '../form.tsx';
import type { OrderView } from './OrderDetail.tsx';

/** The statuses an order can still be cancelled in (until it ships). */
const CANCELLABLE: OrderView['status'][] = ['PENDING', 'CONFIRMED', 'PAID', 'PROCESSING'];

/** Downloads the order's PDF invoice: fetched with the session's token, saved from an object URL. */
export function InvoiceButton(props: { order: OrderView }) {
  const invoice = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.GET('/api/v1/orders/{id}/invoice', {
          params: { path: { id: props.order.id } },
          parseAs: 'blob',
        }),
      ),
    onSuccess: (blob) => {
      const url = URL.createObjectURL(blob as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `invoice-${props.order.number}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  });
  return (
    <>
      <button type="button" disabled={invoice.isPending} onClick={() => invoice.mutate()}>
        Invoice PDF
      </button>
      {invoice.isError && <span role="alert">{invoice.error.message}</span>}
    </>
  );
}

/** The store's cancellation reasons (its `cancellation-reason` lookup), as choices. */
function useCancelReasons(): Array<readonly [string, string]> {
  const list = useQuery({
    queryKey: ['/lookups', 'cancellation-reason'],
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/lookups/{type}', { params: { path: { type: 'cancellation-reason' } } })),
  });
  return (list.data?.values ?? []).map((v) => [v.code, v.label] as const);
}

/**
 * Cancels the order after a confirmation (with a reason from the store's list and an optional
 * note): its stock comes back and a captured payment is refunded. Shown only while the order can
 * still be cancelled.
 */
export function CancelOrder(props: { order: OrderView }) {
  const client = useQueryClient();
  const reasons = useCancelReasons();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonCode, setReasonCode] = useState('');
  const cancel = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.POST('/api/v1/orders/{id}/cancel', {
          params: { path: { id: props.order.id } },
          body: {
            ...(reasonCode ? { reasonCode } : {}),
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setAsking(false);
      void client.invalidateQueries({ queryKey: ['/orders'] });
      void client.invalidateQueries({ queryKey: ['/admin/orders'] });
      void client.invalidateQueries({ queryKey: ['/admin/payments'] });
    },
  });
  if (!CANCELLABLE.includes(props.order.status)) return null;
  if (!asking)
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        Cancel order
      </button>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    cancel.mutate();
  };
  return (
    <form className="confirm" onSubmit={submit} noValidate>
      <p>Cancel order {props.order.number}? Its stock comes back and what was paid is refunded.</p>
      <Choice
        id="cancel-reason-code"
        label="Cancellation reason"
        options={[['', 'Choose a reason'], ...reasons]}
        value={reasonCode}
        error={problemOf(cancel.error).errorOf('/reasonCode')}
        onChange={(e) => setReasonCode(e.target.value)}
      />
      <Field
        id="cancel-reason"
        label="Note (optional)"
        value={reason}
        error={problemOf(cancel.error).errorOf('/reason')}
        onChange={(e) => setReason(e.target.value)}
      />
      <FormProblem error={cancel.error} />
      <button type="submit" className="danger" disabled={cancel.isPending}>
        Confirm cancellation
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Keep the order
      </button>
    </form>
  );
}
