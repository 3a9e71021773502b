import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ActionForm, type FormValues, optional } from '../ActionForm.tsx';
import { bazaar, call } from '../api.ts';
import { FormProblem } from '../form.tsx';
import { PagedTable } from '../PagedTable.tsx';
import type { Row } from '../types.ts';

type TaxRule = Row<'/api/v1/admin/tax-rules'>;

const KEY = '/admin/tax-rules';

/** A rate in percent as typed ("18", "5.5") in basis points, or NaN. */
export function basisPoints(percent: string): number {
  const n = Number(percent.trim());
  return percent.trim() !== '' && Number.isFinite(n) ? Math.round(n * 100) : Number.NaN;
}

const percent = (bp: number) => `${(bp / 100).toLocaleString()}%`;

function taxRuleBody(v: FormValues) {
  return {
    name: v.name ?? '',
    country: (v.country ?? '').trim().toUpperCase(),
    region: optional(v.region) ?? null,
    rateBp: basisPoints(v.rate ?? ''),
    inclusive: v.inclusive === 'true',
  };
}

/** Deactivates a tax rule (the API keeps it, inactive, for the orders it priced). */
function Deactivate(props: { rule: TaxRule }) {
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () =>
      call(() => bazaar.DELETE('/api/v1/admin/tax-rules/{id}', { params: { path: { id: props.rule.id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
  if (!props.rule.active) return <span>Inactive</span>;
  return (
    <>
      <button type="button" disabled={remove.isPending} onClick={() => remove.mutate()}>
        Deactivate {props.rule.name}
      </button>
      <FormProblem error={remove.error} />
    </>
  );
}

/** The store's tax rules (the API answers them all at once) and a form for a new one. */
export function TaxRules() {
  return (
    <>
      <PagedTable<TaxRule>
        label="Tax rules"
        queryKey={KEY}
        fetchPage={async () => ({
          ...(await call(() => bazaar.GET('/api/v1/admin/tax-rules'))),
          nextCursor: null,
        })}
        columns={[
          { header: 'Name', cell: (r) => r.name },
          { header: 'Where', cell: (r) => (r.region ? `${r.country}-${r.region}` : r.country) },
          { header: 'Rate', cell: (r) => percent(r.rateBp) },
          { header: 'Prices', cell: (r) => (r.inclusive ? 'Included in prices' : 'Added to prices') },
          { header: 'State', cell: (r) => <Deactivate rule={r} /> },
        ]}
      />
      <ActionForm
        id="new-tax-rule"
        clearOnSave
        title="New tax rule"
        submit="Add tax rule"
        invalidate={[[KEY]]}
        fields={[
          { name: 'name', label: 'Name', pointer: '/name' },
          { name: 'country', label: 'Country (2 letters)', pointer: '/country' },
          { name: 'region', label: 'Region (optional)', pointer: '/region' },
          { name: 'rate', label: 'Rate (%)', pointer: '/rateBp', kind: 'number' },
          { name: 'inclusive', label: 'Prices include this tax', pointer: '/inclusive', kind: 'checkbox' },
        ]}
        run={(v) => call(() => bazaar.POST('/api/v1/admin/tax-rules', { body: taxRuleBody(v) }))}
      />
    </>
  );
}
