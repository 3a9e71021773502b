import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { currencyDigits } from '../../format.ts';
import { bazaar, call } from '../api.ts';
import { Field, FormProblem, minorUnits, problemOf, when, words } from '../form.tsx';
import { money } from '../PagedTable.tsx';
import { useCan } from '../permissions.ts';
import type { Row } from '../types.ts';
import type { OrderView } from './OrderDetail.tsx';

type Payment = Row<'/api/v1/admin/payments'>;

const REFUNDABLE: Payment['status'][] = ['CAPTURED', 'PARTIALLY_REFUNDED'];

/** The order's payments with their refunds, and a refund form for each captured one. */
export function OrderPayments(props: { order: OrderView }) {
  const canRefund = useCan('orders:refund');
  const payments = useQuery({
    queryKey: ['/admin/payments', { orderId: props.order.id }],
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/admin/payments', { params: { query: { orderId: props.order.id } } })),
  });
  if (payments.isPending) return <p>Loading…</p>;
  if (payments.isError) return <p role="alert">{payments.error.message}</p>;
  const refunds = payments.data.refunds ?? [];
  return (
    <section aria-labelledby="payments-heading">
      <h2 id="payments-heading">Payments</h2>
      {payments.data.items.length === 0 && <p>No payment yet.</p>}
      {payments.data.items.map((p) => (
        <div className="card" key={p.id}>
          <p>
            {p.provider} {p.cardBrand ? `${p.cardBrand} ···${p.cardLast4}` : p.method}:{' '}
            <strong>{words(p.status)}</strong>, {money(p.amount)} (captured {money(p.captured)}, refunded{' '}
            {money(p.refunded)}) on {when(p.createdAt)}
          </p>
          {refunds.some((r) => r.paymentId === p.id) && (
            <table aria-label="Refunds">
              <thead>
                <tr>
                  <th scope="col">Refunded</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Status</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {refunds
                  .filter((r) => r.paymentId === p.id)
                  .map((r) => (
                    <tr key={r.id}>
                      <td data-label="Refunded">{money(r.amount)}</td>
                      <td data-label="Reason">{r.reason}</td>
                      <td data-label="Status">{words(r.status)}</td>
                      <td data-label="When">{when(r.createdAt)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
          {canRefund && REFUNDABLE.includes(p.status) && <RefundForm payment={p} />}
        </div>
      ))}
    </section>
  );
}

/** Refunds part of a payment (an amount) or the rest of it (no amount), with a reason. */
function RefundForm(props: { payment: Payment }) {
  const client = useQueryClient();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const { id, currency } = { id: props.payment.id, currency: props.payment.amount.currency };
  const refund = useMutation({
    mutationFn: () => {
      const minor = amount.trim() === '' ? undefined : minorUnits(amount, currencyDigits(currency));
      return call(() =>
        bazaar.POST('/api/v1/admin/payments/{id}/refunds', {
          params: { path: { id } },
          body: { amount: minor, reason },
        }),
      );
    },
    onSuccess: () => {
      setAmount('');
      setReason('');
      void client.invalidateQueries({ queryKey: ['/admin/payments'] });
      void client.invalidateQueries({ queryKey: ['/orders'] });
    },
  });
  const { errorOf } = problemOf(refund.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    refund.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field
        id={`refund-${id}-amount`}
        label={`Refund amount (${currency}; empty: the rest)`}
        inputMode="decimal"
        value={amount}
        error={errorOf('/amount')}
        onChange={(e) => setAmount(e.target.value)}
      />
      <Field
        id={`refund-${id}-reason`}
        label="Refund reason"
        value={reason}
        error={errorOf('/reason')}
        onChange={(e) => setReason(e.target.value)}
      />
      <FormProblem error={refund.error} />
      <button type="submit" disabled={refund.isPending}>
        Refund
      </button>
    </form>
  );
}
