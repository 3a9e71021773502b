import { useQuery } from '@tanstack/react-query';
import { currencyDigits } from '../../format.ts';
import { ActionForm, type FormValues, optional } from '../ActionForm.tsx';
import { bazaar, call } from '../api.ts';
import { minorUnits } from '../form.tsx';
import { money, PagedTable } from '../PagedTable.tsx';
import type { Row } from '../types.ts';

type Method = Row<'/api/v1/shipping-methods'>;
type Carrier = Row<'/api/v1/admin/carriers'>;

function methodBody(v: FormValues, currency: string) {
  const digits = currencyDigits(currency);
  const freeOver = optional(v.freeOver);
  const countries = optional(v.countries);
  return {
    code: v.code ?? '',
    name: v.name ?? '',
    flatAmount: minorUnits(v.flat ?? '', digits),
    freeOverAmount: freeOver ? minorUnits(freeOver, digits) : null,
    countries: countries ? countries.split(/[\s,]+/).map((c) => c.toUpperCase()) : null,
    isDefault: v.isDefault === 'true',
  };
}

/** The store's shipping methods (the API answers them all at once) and a form for a new one. */
export function ShippingMethods() {
  const store = useQuery({ queryKey: ['/store'], queryFn: () => call(() => bazaar.GET('/api/v1/store')) });
  return (
    <>
      <PagedTable<Method>
        label="Shipping methods"
        queryKey="/shipping-methods"
        fetchPage={async () => ({
          ...(await call(() => bazaar.GET('/api/v1/shipping-methods'))),
          nextCursor: null,
        })}
        columns={[
          { header: 'Code', cell: (m) => m.code },
          { header: 'Name', cell: (m) => `${m.name}${m.isDefault ? ' (default)' : ''}` },
          { header: 'Price', cell: (m) => money(m.flatAmount) },
          { header: 'Free over', cell: (m) => money(m.freeOverAmount) },
          { header: 'Countries', cell: (m) => m.countries?.join(', ') ?? 'All' },
        ]}
      />
      <ActionForm
        id="new-shipping-method"
        clearOnSave
        title="New shipping method"
        submit="Add shipping method"
        invalidate={[['/shipping-methods']]}
        fields={[
          { name: 'code', label: 'Code', pointer: '/code' },
          { name: 'name', label: 'Name', pointer: '/name' },
          { name: 'flat', label: 'Price', pointer: '/flatAmount', kind: 'number' },
          { name: 'freeOver', label: 'Free over (optional)', pointer: '/freeOverAmount', kind: 'number' },
          { name: 'countries', label: 'Countries (optional, e.g. IN, NP)', pointer: '/countries' },
          { name: 'isDefault', label: 'Preselected at checkout', pointer: '/isDefault', kind: 'checkbox' },
        ]}
        run={(v) =>
          call(() =>
            bazaar.POST('/api/v1/admin/shipping-methods', {
              body: methodBody(v, store.data?.currency ?? 'INR'),
            }),
          )
        }
      />
    </>
  );
}

/** The store's carriers and their tracking links; the form adds one or changes one by its code. */
export function Carriers() {
  return (
    <>
      <PagedTable<Carrier & { id: string }>
        label="Carriers"
        queryKey="/admin/carriers"
        fetchPage={async () => {
          const { items } = await call(() => bazaar.GET('/api/v1/admin/carriers'));
          return { items: items.map((c) => ({ ...c, id: c.code })), nextCursor: null };
        }}
        columns={[
          { header: 'Code', cell: (c) => c.code },
          { header: 'Name', cell: (c) => c.name },
          { header: 'Tracking link', cell: (c) => c.trackingUrlTemplate ?? '–' },
          { header: 'State', cell: (c) => (c.active ? 'Active' : 'Inactive') },
        ]}
      />
      <ActionForm
        id="carrier"
        clearOnSave
        title="Add or change a carrier"
        submit="Save carrier"
        invalidate={[['/admin/carriers']]}
        initial={{ active: 'true' }}
        fields={[
          { name: 'code', label: 'Code', pointer: '/code' },
          { name: 'name', label: 'Name', pointer: '/name' },
          {
            name: 'url',
            label: 'Tracking link (https, with {trackingNumber})',
            pointer: '/trackingUrlTemplate',
          },
          { name: 'active', label: 'Active', pointer: '/active', kind: 'checkbox' },
        ]}
        run={(v) =>
          call(() =>
            bazaar.PUT('/api/v1/admin/carriers/{code}', {
              params: { path: { code: (v.code ?? '').trim() } },
              body: {
                name: v.name ?? '',
                trackingUrlTemplate: optional(v.url) ?? null,
                active: v.active === 'true',
              },
            }),
          )
        }
      />
    </>
  );
}
