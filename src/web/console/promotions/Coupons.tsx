import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { bazaar, call } from '../api.ts';
import { FormProblem, when } from '../form.tsx';
import { money, PagedTable } from '../PagedTable.tsx';
import { useCan } from '../permissions.ts';
import { COUPON_TYPES, type Coupon, CouponForm } from './CouponForm.tsx';

const typeName = (type: Coupon['type']) => COUPON_TYPES.find(([t]) => t === type)?.[1] ?? type;

/** What a coupon takes off, for people. */
function discount(c: Coupon): string {
  if (c.type === 'FREE_SHIPPING') return 'Free shipping';
  if (c.type === 'PERCENT') return `${c.value / 100} %`;
  return money({ amount: c.value, currency: c.currency });
}

/** The store's coupons, newest first; `New coupon` for those who manage them. */
export function Coupons() {
  const can = useCan('coupons:manage');
  const [adding, setAdding] = useState(false);
  return (
    <>
      {can &&
        (adding ? (
          <CouponForm coupon={null} onSaved={() => setAdding(false)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            New coupon
          </button>
        ))}
      <PagedTable<Coupon>
        label="Coupons"
        queryKey="/admin/coupons"
        fetchPage={(cursor) =>
          call(() => bazaar.GET('/api/v1/admin/coupons', { params: { query: { limit: 20, cursor } } }))
        }
        columns={[
          { header: 'Code', cell: (c) => <Link href={`/coupons/${c.id}`}>{c.code}</Link> },
          { header: 'Type', cell: (c) => typeName(c.type) },
          { header: 'Discount', cell: (c) => discount(c) },
          { header: 'Minimum order', cell: (c) => money(c.minOrderAmount) },
          { header: 'Used', cell: (c) => `${c.usedCount}${c.usageLimit ? ` of ${c.usageLimit}` : ''}` },
          { header: 'Valid', cell: (c) => `${when(c.startsAt)} to ${when(c.expiresAt)}` },
          { header: 'Active', cell: (c) => (can ? <ActiveToggle coupon={c} /> : c.active ? 'yes' : 'no') },
        ]}
      />
    </>
  );
}

/** Deactivates a coupon (it no longer applies at checkout) or puts it back in use. */
function ActiveToggle(props: { coupon: Coupon }) {
  const client = useQueryClient();
  const { id, code, active } = props.coupon;
  const toggle = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.PATCH('/api/v1/admin/coupons/{id}', { params: { path: { id } }, body: { active: !active } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/admin/coupons'] }),
  });
  return (
    <>
      {active ? 'yes ' : 'no '}
      <button
        type="button"
        className={active ? 'danger' : undefined}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        {active ? `Deactivate ${code}` : `Activate ${code}`}
      </button>
      <FormProblem error={toggle.error} />
    </>
  );
}

/** One coupon: its use so far and, for those who manage coupons, the form to change it. */
export function CouponPage(props: { id: string }) {
  const can = useCan('coupons:manage');
  const [, navigate] = useLocation();
  const coupon = useQuery({
    queryKey: ['/admin/coupons', props.id],
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/admin/coupons/{id}', { params: { path: { id: props.id } } })),
  });
  if (coupon.isPending) return <p>Loading…</p>;
  if (coupon.isError) return <p role="alert">{coupon.error.message}</p>;
  const c = coupon.data;
  return (
    <>
      <p>
        <Link href="/coupons">All coupons</Link>
      </p>
      <h1>Coupon {c.code}</h1>
      <p>
        {typeName(c.type)}: {discount(c)}, used {c.usedCount} times, {c.active ? 'active' : 'inactive'}.
      </p>
      {can && <CouponForm coupon={c} onSaved={() => navigate('/coupons')} />}
    </>
  );
}
