/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { visitor } from './cart-store.ts';
import { problemOf } from './form.tsx';

const KEY = 'bazaar.paypal.';

/** Before the buyer leaves for PayPal: the order number, for the page PayPal sends them back to. */
export function rememberPayPalOrder(paymentId: string, orderNumber: string): void {
  try {
    sessionStorage.setItem(KEY + paymentId, orderNumber);
  } catch {
    // storage refused (private mode): the return page shows the order without its number
  }
}

function rememberedNumber(paymentId: string): string | null {
  try {
    return sessionStorage.getItem(KEY + paymentId);
  } catch {
    return null;
  }
}

type State =
  | { kind: 'confirming' }
  | { kind: 'paid'; number: string | null }
  | { kind: 'waiting' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/**
 * Where PayPal sends the buyer back (`?payment=…&token=…`, or `&cancelled=1`): the payment is
 * confirmed (PayPal captures the approved order) and the order number shown.
 */
export function PayPalReturn(props: { paymentId: string; cancelled: boolean }) {
  const [state, setState] = useState<State>(() => {
    if (props.cancelled) return { kind: 'cancelled' };
    if (!props.paymentId) return { kind: 'failed', message: 'This address does not name a payment.' };
    return { kind: 'confirming' };
  });
  useEffect(() => {
    if (props.cancelled || !props.paymentId) return;
    const path = { id: props.paymentId };
    void visitor((api) => api.POST('/api/v1/payments/{id}/confirm', { params: { path }, body: {} })).then(
      (answer) => {
        const status = answer.data?.status;
        if (status === 'CAPTURED')
          return setState({ kind: 'paid', number: rememberedNumber(props.paymentId) });
        if (status === 'REQUIRES_ACTION') return setState({ kind: 'waiting' });
        const problem = answer.data ? null : problemOf(answer);
        setState({
          kind: 'failed',
          message:
            answer.data?.errorMessage ??
            problem?.detail ??
            problem?.title ??
            'PayPal did not take the payment.',
        });
      },
    );
  }, [props.paymentId, props.cancelled]);
  switch (state.kind) {
    case 'confirming':
      return <p role="status">Confirming your payment with PayPal…</p>;
    case 'paid':
      return (
        <p role="status">
          Thank you. Your payment is received
          {state.number ? (
            <>
              {' '}
              and your order number is <strong>{state.number}</strong>
            </>
          ) : null}
          .
        </p>
      );
    case 'waiting':
      return <p role="status">PayPal has not confirmed your approval yet; your order is held for you.</p>;
    case 'cancelled':
      return <p role="status">You left PayPal without paying; your order is held for a while.</p>;
    case 'failed':
      return <p role="alert">{state.message}</p>;
  }
}
