import { useQuery } from '@tanstack/react-query';
import { currencyDigits } from '../../format.ts';
import { ActionForm, type FormValues, optional, wholeNumber } from '../ActionForm.tsx';
import { bazaar, call } from '../api.ts';
import { minorUnits } from '../form.tsx';

/** The cache keys of an offer's stock and movements (every stock form reloads both). */
export const stockKeys = (offerId: string) => [
  ['/admin/inventory/offers', offerId],
  [`/admin/inventory/offers/${offerId}/movements`],
  ['/admin/inventory/low-stock'],
];

/** The store's warehouses as choices of a select. */
export function useWarehouseOptions(): Array<[string, string]> {
  const warehouses = useQuery({
    queryKey: ['/admin/warehouses'],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/warehouses', { params: { query: { limit: 100 } } })),
  });
  return (warehouses.data?.items ?? []).filter((w) => w.active).map((w) => [w.id, `${w.name} (${w.code})`]);
}

/** The lot of a receipt, when a lot code is given: its expiry and unit cost in the store's currency. */
function lotOf(v: FormValues, currency: string) {
  const code = optional(v.lot);
  if (!code) return undefined;
  const cost = optional(v.cost);
  return {
    code,
    ...(v.expires ? { expiresAt: new Date(v.expires).toISOString() } : {}),
    ...(cost ? { unitCost: { amount: minorUnits(cost, currencyDigits(currency)), currency } } : {}),
  };
}

/** Receive, adjust, transfer and write off damaged stock of one offer. */
export function StockForms(props: { offerId: string }) {
  const store = useQuery({ queryKey: ['/store'], queryFn: () => call(() => bazaar.GET('/api/v1/store')) });
  const warehouses = useWarehouseOptions();
  if (warehouses.length === 0) return <p>Loading warehouses…</p>;
  const offerId = props.offerId;
  const invalidate = stockKeys(offerId);
  const where = { name: 'warehouse', label: 'Warehouse', kind: 'select', options: warehouses } as const;
  return (
    <div className="forms">
      <ActionForm
        id="receive"
        title="Receive stock"
        submit="Receive"
        invalidate={invalidate}
        fields={[
          { ...where, pointer: '/warehouseId' },
          { name: 'quantity', label: 'Quantity', pointer: '/quantity', kind: 'number' },
          { name: 'lot', label: 'Lot code (optional)', pointer: '/lot/code' },
          { name: 'expires', label: 'Expires on (optional)', pointer: '/lot/expiresAt', kind: 'date' },
          { name: 'cost', label: 'Unit cost (optional)', pointer: '/lot/unitCost', kind: 'number' },
        ]}
        run={(v) => {
          const lot = lotOf(v, store.data?.currency ?? 'INR');
          const body = { offerId, warehouseId: v.warehouse, quantity: wholeNumber(v.quantity ?? ''), lot };
          return call(() => bazaar.POST('/api/v1/admin/inventory/receipts', { body }));
        }}
      />
      <CountForm
        id="adjust"
        title="Adjust stock"
        submit="Adjust"
        count={{ name: 'delta', label: 'Change (+ or −)', pointer: '/delta' }}
        warehouses={warehouses}
        invalidate={invalidate}
        run={(warehouseId, delta, reason) => {
          const body = { offerId, warehouseId, delta, reason };
          return call(() => bazaar.POST('/api/v1/admin/inventory/adjustments', { body }));
        }}
      />
      <TransferForm offerId={offerId} warehouses={warehouses} />
      <CountForm
        id="damage"
        title="Mark damaged"
        submit="Mark damaged"
        count={{ name: 'quantity', label: 'Quantity', pointer: '/quantity' }}
        warehouses={warehouses}
        invalidate={invalidate}
        run={(warehouseId, quantity, reason) => {
          const body = { offerId, warehouseId, quantity, reason };
          return call(() => bazaar.POST('/api/v1/admin/inventory/damages', { body }));
        }}
      />
    </div>
  );
}

/** A number of units in one warehouse, with a reason: an adjustment or a write-off. */
function CountForm(props: {
  id: string;
  title: string;
  submit: string;
  count: { name: string; label: string; pointer: string };
  warehouses: Array<[string, string]>;
  invalidate: string[][];
  run: (warehouseId: string, count: number, reason: string) => Promise<unknown>;
}) {
  const { count } = props;
  return (
    <ActionForm
      id={props.id}
      title={props.title}
      submit={props.submit}
      invalidate={props.invalidate}
      fields={[
        {
          name: 'warehouse',
          label: 'Warehouse',
          pointer: '/warehouseId',
          kind: 'select',
          options: props.warehouses,
        },
        { ...count, kind: 'number' },
        { name: 'reason', label: 'Reason', pointer: '/reason' },
      ]}
      run={(v) => props.run(v.warehouse ?? '', wholeNumber(v[count.name] ?? ''), v.reason ?? '')}
    />
  );
}

function TransferForm(props: { offerId: string; warehouses: Array<[string, string]> }) {
  const { offerId, warehouses } = props;
  return (
    <ActionForm
      id="transfer"
      title="Transfer between warehouses"
      submit="Transfer"
      invalidate={stockKeys(offerId)}
      initial={{ to: warehouses[1]?.[0] ?? warehouses[0]?.[0] ?? '' }}
      fields={[
        { name: 'from', label: 'From', pointer: '/fromWarehouseId', kind: 'select', options: warehouses },
        { name: 'to', label: 'To', pointer: '/toWarehouseId', kind: 'select', options: warehouses },
        { name: 'quantity', label: 'Quantity', pointer: '/quantity', kind: 'number' },
        { name: 'reason', label: 'Reason (optional)', pointer: '/reason' },
      ]}
      run={(v) => {
        const body = {
          offerId,
          fromWarehouseId: v.from!,
          toWarehouseId: v.to!,
          quantity: wholeNumber(v.quantity ?? ''),
          reason: optional(v.reason),
        };
        return call(() => bazaar.POST('/api/v1/admin/inventory/transfers', { body }));
      }}
    />
  );
}
