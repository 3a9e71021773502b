import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { currencyDigits, majorUnits } from '../../format.ts';
import { ActionForm, type FormValues, wholeNumber } from '../ActionForm.tsx';
import { minorUnits, words } from '../form.tsx';
import { money, Table } from '../PagedTable.tsx';
import { Section } from '../shell.tsx';
import { type Plan, platform } from './api.ts';

export function usePlans() {
  return useQuery({
    queryKey: ['/platform/plans'],
    queryFn: () => platform.call(() => platform.client.GET('/api/v1/platform/plans')),
  });
}

export const limit = (n: number | null) => (n === null ? 'unlimited' : String(n));

/** The plan catalogue as a table; `current` marks the tenant's plan, `action` adds a column. */
export function PlanTable(props: {
  plans: Plan[];
  current?: string;
  /** An owner's view: without the plans' codes and whether they are on offer (only those are shown). */
  forOwner?: boolean;
  action?: (plan: Plan) => ReactNode;
}) {
  return (
    <Table
      label="Plans"
      rows={props.plans.map((p) => ({ ...p, id: p.code }))}
      columns={[
        {
          header: 'Plan',
          cell: (p) => (p.code === props.current ? <strong>{p.name} (yours)</strong> : p.name),
        },
        ...(props.forOwner ? [] : [{ header: 'Code', cell: (p: Plan) => p.code }]),
        { header: 'Price', cell: (p) => `${money(p.price)} ${words(p.period)}` },
        { header: 'Stores', cell: (p) => limit(p.limits.stores) },
        { header: 'Products per store', cell: (p) => limit(p.limits.productsPerStore) },
        { header: 'Staff per store', cell: (p) => limit(p.limits.staffPerStore) },
        { header: 'Custom domains', cell: (p) => limit(p.limits.customDomains) },
        { header: 'Transaction fee', cell: (p) => `${(p.transactionFeeBp / 100).toFixed(2)} %` },
        ...(props.forOwner ? [] : [{ header: 'On offer', cell: (p: Plan) => (p.active ? 'yes' : 'no') }]),
        ...(props.action ? [{ header: 'Choose', cell: props.action }] : []),
      ]}
    />
  );
}

const PLAN_FIELDS = [
  { name: 'name', label: 'Name', pointer: '/name' },
  { name: 'price', label: 'Price', pointer: '/price/amount', kind: 'number' },
  { name: 'currency', label: 'Currency', pointer: '/price/currency' },
  {
    name: 'period',
    label: 'Period',
    pointer: '/period',
    kind: 'select',
    options: [
      ['monthly', 'Monthly'],
      ['yearly', 'Yearly'],
    ],
  },
  { name: 'stores', label: 'Stores (empty: unlimited)', pointer: '/limits/stores', kind: 'number' },
  { name: 'products', label: 'Products per store', pointer: '/limits/productsPerStore', kind: 'number' },
  { name: 'staff', label: 'Staff per store', pointer: '/limits/staffPerStore', kind: 'number' },
  { name: 'domains', label: 'Custom domains', pointer: '/limits/customDomains', kind: 'number' },
  { name: 'fee', label: 'Transaction fee (basis points)', pointer: '/transactionFeeBp', kind: 'number' },
  { name: 'active', label: 'On offer', pointer: '/active', kind: 'checkbox' },
] as const;

const asText = (n: number | null) => (n === null ? '' : String(n));
const orUnlimited = (text: string | undefined) => (text?.trim() ? wholeNumber(text) : null);

function planValues(p: Plan): FormValues {
  return {
    name: p.name,
    price: majorUnits(p.price),
    currency: p.price.currency,
    period: p.period,
    stores: asText(p.limits.stores),
    products: asText(p.limits.productsPerStore),
    staff: asText(p.limits.staffPerStore),
    domains: asText(p.limits.customDomains),
    fee: String(p.transactionFeeBp),
    active: p.active ? 'true' : '',
  };
}

function putPlan(code: string, v: FormValues) {
  const currency = (v.currency ?? '').trim().toUpperCase();
  const body = {
    name: v.name ?? '',
    price: { amount: minorUnits(v.price ?? '', currencyDigits(currency || 'INR')), currency },
    period: v.period as 'monthly' | 'yearly',
    limits: {
      stores: orUnlimited(v.stores),
      productsPerStore: orUnlimited(v.products),
      staffPerStore: orUnlimited(v.staff),
      customDomains: orUnlimited(v.domains),
    },
    transactionFeeBp: wholeNumber(v.fee ?? ''),
    active: v.active === 'true',
  };
  return platform.call(() =>
    platform.client.PUT('/api/v1/platform/plans/{code}', { params: { path: { code } }, body }),
  );
}

/** SUPER_ADMIN: the plan catalogue, each plan changed through its form. */
export function PlansAdmin() {
  const plans = usePlans();
  const [code, setCode] = useState('');
  if (plans.isPending) return <p>Loading…</p>;
  if (plans.isError) return <p role="alert">{plans.error.message}</p>;
  const chosen = plans.data.find((p) => p.code === code) ?? plans.data[0];
  return (
    <Section title="Plans">
      <PlanTable plans={plans.data} />
      <div className="field">
        <label htmlFor="plan-choice">Plan to edit</label>
        <select id="plan-choice" value={chosen?.code ?? ''} onChange={(e) => setCode(e.target.value)}>
          {plans.data.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name} ({p.code})
            </option>
          ))}
        </select>
      </div>
      {chosen && (
        <ActionForm
          key={chosen.code}
          id={`plan-${chosen.code}`}
          title={`Edit plan ${chosen.code}`}
          submit="Save plan"
          fields={[...PLAN_FIELDS]}
          initial={planValues(chosen)}
          run={(v) => putPlan(chosen.code, v)}
          invalidate={[['/platform/plans']]}
        />
      )}
    </Section>
  );
}
