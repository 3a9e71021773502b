import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { currencyDigits } from '../../format.ts';
import { bazaar, call } from '../api.ts';
import { Choice, Field, FormProblem, minorUnits, problemOf } from '../form.tsx';
import type { Answer } from '../types.ts';

export type Coupon = Answer<'/api/v1/admin/coupons/{id}'>;
type CouponType = Coupon['type'];

export const COUPON_TYPES = [
  ['PERCENT', 'Percent off'],
  ['AMOUNT', 'Amount off'],
  ['FREE_SHIPPING', 'Free shipping'],
] as const;

/** The typed fields, each with its label and the JSON pointer of the API's body it fills. */
const FIELDS = [
  ['description', 'Description', '/description'],
  ['value', 'Value', '/value'],
  ['minOrder', 'Minimum order', '/minOrderAmount'],
  ['maxDiscount', 'Maximum discount (empty: none)', '/maxDiscountAmount'],
  ['startsAt', 'Starts', '/startsAt'],
  ['expiresAt', 'Expires', '/expiresAt'],
  ['usageLimit', 'Uses in all (empty: no limit)', '/usageLimit'],
  ['perUserLimit', 'Uses per customer (empty: no limit)', '/perUserLimit'],
] as const;

type Values = Record<(typeof FIELDS)[number][0] | 'code', string> & { type: CouponType; active: boolean };

/** An ISO instant as a `datetime-local` input shows it (local time, to the minute). */
const localInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const major = (minor: number, currency: string) => String(minor / 10 ** currencyDigits(currency));

function valuesOf(c: Coupon | null, currency: string): Values {
  const value = !c ? '' : c.type === 'PERCENT' ? String(c.value / 100) : major(c.value, currency);
  return {
    code: c?.code ?? '',
    type: c?.type ?? 'PERCENT',
    active: c?.active ?? true,
    description: c?.description ?? '',
    value,
    minOrder: c ? major(c.minOrderAmount.amount, currency) : '',
    maxDiscount: c?.maxDiscountAmount ? major(c.maxDiscountAmount.amount, currency) : '',
    startsAt: localInput(c?.startsAt ?? null),
    expiresAt: localInput(c?.expiresAt ?? null),
    usageLimit: c?.usageLimit ? String(c.usageLimit) : '',
    perUserLimit: c?.perUserLimit ? String(c.perUserLimit) : '',
  };
}

/** The API's body for the form's values: percentages in basis points, amounts in minor units. */
function bodyOf(v: Values, currency: string) {
  const digits = currencyDigits(currency);
  const count = (text: string) => (text.trim() === '' ? null : Number(text));
  const instant = (text: string) => (text ? new Date(text).toISOString() : null);
  return {
    description: v.description.trim() || undefined,
    value: v.type === 'FREE_SHIPPING' ? 0 : minorUnits(v.value, v.type === 'PERCENT' ? 2 : digits),
    minOrderAmount: v.minOrder.trim() === '' ? 0 : minorUnits(v.minOrder, digits),
    maxDiscountAmount: v.maxDiscount.trim() === '' ? null : minorUnits(v.maxDiscount, digits),
    startsAt: instant(v.startsAt),
    expiresAt: instant(v.expiresAt),
    usageLimit: count(v.usageLimit),
    perUserLimit: count(v.perUserLimit),
    active: v.active,
  };
}

/** A new coupon (no `coupon`), or the changes to one (its code and type stay as they are). */
export function CouponForm(props: { coupon: Coupon | null; onSaved: (coupon: Coupon) => void }) {
  const client = useQueryClient();
  const store = useQuery({ queryKey: ['/store'], queryFn: () => call(() => bazaar.GET('/api/v1/store')) });
  const currency = props.coupon?.currency ?? store.data?.currency ?? 'INR';
  const [values, setValues] = useState<Values>(() => valuesOf(props.coupon, currency));
  const save = useMutation({
    mutationFn: () => {
      const body = bodyOf(values, currency);
      const { coupon } = props;
      if (coupon)
        return call(() =>
          bazaar.PATCH('/api/v1/admin/coupons/{id}', { params: { path: { id: coupon.id } }, body }),
        );
      return call(() =>
        bazaar.POST('/api/v1/admin/coupons', {
          body: { ...body, code: values.code, type: values.type, currency },
        }),
      );
    },
    onSuccess: (coupon) => {
      void client.invalidateQueries({ queryKey: ['/admin/coupons'] });
      props.onSaved(coupon);
    },
  });
  const { errorOf } = problemOf(save.error);
  const set = (name: keyof Values, value: string | boolean) => setValues({ ...values, [name]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const valueLabel = values.type === 'PERCENT' ? 'Value (%)' : `Value (${currency})`;
  return (
    <form className="product-form" onSubmit={submit} noValidate>
      <CodeAndType values={values} editing={Boolean(props.coupon)} errorOf={errorOf} set={set} />
      {FIELDS.filter(([name]) => name !== 'value' || values.type !== 'FREE_SHIPPING').map(
        ([name, label, pointer]) => (
          <Field
            key={name}
            id={`coupon-${name}`}
            label={name === 'value' ? valueLabel : label}
            type={name === 'startsAt' || name === 'expiresAt' ? 'datetime-local' : 'text'}
            inputMode={['description', 'startsAt', 'expiresAt'].includes(name) ? undefined : 'decimal'}
            value={values[name]}
            error={errorOf(pointer)}
            onChange={(e) => set(name, e.target.value)}
          />
        ),
      )}
      <div className="field">
        <label>
          <input type="checkbox" checked={values.active} onChange={(e) => set('active', e.target.checked)} />{' '}
          Active
        </label>
      </div>
      <FormProblem error={save.error} />
      <button type="submit" disabled={save.isPending}>
        {props.coupon ? 'Save coupon' : 'Create coupon'}
      </button>
    </form>
  );
}

/** The coupon's code and type: chosen once, shown fixed when editing. */
function CodeAndType(props: {
  values: Values;
  editing: boolean;
  errorOf: (pointer: string) => string | undefined;
  set: (name: keyof Values, value: string) => void;
}) {
  const { values, editing, errorOf, set } = props;
  return (
    <>
      <Field
        id="coupon-code"
        label="Code"
        value={values.code}
        disabled={editing}
        error={errorOf('/code')}
        onChange={(e) => set('code', e.target.value)}
      />
      <Choice
        id="coupon-type"
        label="Type"
        value={values.type}
        disabled={editing}
        options={COUPON_TYPES}
        error={errorOf('/type')}
        onChange={(e) => set('type', e.target.value)}
      />
    </>
  );
}
