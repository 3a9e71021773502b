import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { ActionForm, type FormField, type FormValues, optional, wholeNumber } from '../ActionForm.tsx';
import { bazaar, call } from '../api.ts';
import { PagedTable } from '../PagedTable.tsx';
import type { Row } from '../types.ts';

type Warehouse = Row<'/api/v1/admin/warehouses'>;

const TYPES = [
  ['FULFILLMENT', 'Fulfilment'],
  ['DROPSHIP', 'Drop-ship'],
  ['RETAIL', 'Retail'],
] as const;

const FIELDS: FormField[] = [
  { name: 'code', label: 'Code', pointer: '/code' },
  { name: 'name', label: 'Name', pointer: '/name' },
  { name: 'type', label: 'Type', pointer: '/type', kind: 'select', options: TYPES },
  { name: 'line1', label: 'Address', pointer: '/address/line1' },
  { name: 'city', label: 'City', pointer: '/address/city' },
  { name: 'country', label: 'Country', pointer: '/address/country' },
  { name: 'capacity', label: 'Capacity in units (optional)', pointer: '/maxCapacity', kind: 'number' },
  { name: 'active', label: 'Active (its stock is for sale)', pointer: '/active', kind: 'checkbox' },
];

const KEYS = [['/admin/warehouses'], ['/admin/warehouses/one']];

/** The body of a warehouse's create or change: the address only when one is typed. */
function warehouseBody(v: FormValues) {
  const address =
    optional(v.line1) || optional(v.city) || optional(v.country)
      ? { line1: v.line1 ?? '', city: v.city ?? '', country: v.country ?? '' }
      : undefined;
  const capacity = optional(v.capacity);
  return {
    code: v.code ?? '',
    name: v.name ?? '',
    type: v.type as Warehouse['type'],
    address,
    maxCapacity: capacity ? wholeNumber(capacity) : null,
    active: v.active === 'true',
  };
}

/** The store's warehouses, a page at a time, and a form for a new one. */
export function Warehouses() {
  return (
    <>
      <PagedTable<Warehouse>
        label="Warehouses"
        queryKey="/admin/warehouses"
        fetchPage={(cursor) =>
          call(() => bazaar.GET('/api/v1/admin/warehouses', { params: { query: { limit: 20, cursor } } }))
        }
        columns={[
          { header: 'Code', cell: (w) => <Link href={`/warehouses/${w.id}`}>{w.code}</Link> },
          { header: 'Name', cell: (w) => w.name },
          { header: 'Type', cell: (w) => w.type.toLowerCase() },
          { header: 'City', cell: (w) => w.address.city ?? '–' },
          {
            header: 'State',
            cell: (w) => `${w.active ? 'Active' : 'Inactive'}${w.isDefault ? ', default' : ''}`,
          },
        ]}
      />
      <ActionForm
        id="new-warehouse"
        clearOnSave
        title="New warehouse"
        submit="Create warehouse"
        fields={FIELDS}
        initial={{ active: 'true' }}
        invalidate={KEYS}
        run={(v) => call(() => bazaar.POST('/api/v1/admin/warehouses', { body: warehouseBody(v) }))}
      />
    </>
  );
}

/** One warehouse's form, filled with what it is now. */
export function WarehouseEdit(props: { id: string }) {
  const path = { warehouseId: props.id };
  const warehouse = useQuery({
    queryKey: [KEYS[1]![0], props.id],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/warehouses/{warehouseId}', { params: { path } })),
  });
  if (warehouse.isPending) return <p>Loading…</p>;
  if (warehouse.isError) return <p role="alert">{warehouse.error.message}</p>;
  const w = warehouse.data;
  const initial = {
    code: w.code,
    name: w.name,
    type: w.type,
    line1: w.address.line1 ?? '',
    city: w.address.city ?? '',
    country: w.address.country ?? '',
    capacity: w.maxCapacity === null ? '' : String(w.maxCapacity),
    active: w.active ? 'true' : '',
  };
  return (
    <>
      <p>
        <Link href="/warehouses">All warehouses</Link>
      </p>
      <ActionForm
        id="edit-warehouse"
        title={`Warehouse ${w.code}`}
        submit="Save warehouse"
        fields={FIELDS}
        initial={initial}
        invalidate={KEYS}
        run={(v) =>
          call(() =>
            bazaar.PATCH('/api/v1/admin/warehouses/{warehouseId}', {
              params: { path },
              body: warehouseBody(v),
            }),
          )
        }
      />
    </>
  );
}
