import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { paths } from '../../../client/index.ts';
import { bazaar, call } from '../api.ts';
import { money, PagedTable } from '../PagedTable.tsx';

type DeliveryList = paths['/api/v1/agent/deliveries']['get']['responses'][200]['content']['application/json'];
type Delivery = DeliveryList['items'][number];
type EventBody =
  paths['/api/v1/agent/deliveries/{id}/events']['post']['requestBody']['content']['application/json'];

/** The next steps an agent can take from a delivery's status, as button text and API status. */
const NEXT: Record<string, Array<[string, EventBody['status']]>> = {
  ASSIGNED: [['Picked up', 'PICKED_UP']],
  PICKED_UP: [['In transit', 'IN_TRANSIT']],
  IN_TRANSIT: [
    ['Delivered', 'DELIVERED'],
    ['Failed attempt', 'FAILED'],
  ],
};

const ON_THE_ROAD = ['PICKED_UP', 'IN_TRANSIT'];

/** The buttons for a delivery's next status; delivering collects the cash due and takes the code. */
function NextStep(props: { delivery: Delivery }) {
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { delivery } = props;
  const step = useMutation({
    mutationFn: (status: EventBody['status']) => {
      const delivered = status === 'DELIVERED';
      const body = {
        status,
        ...(delivered && delivery.codAmount.amount > 0 ? { codCollected: delivery.codAmount } : {}),
        ...(delivered && delivery.deliveryCodeRequired ? { deliveryCode: code } : {}),
        ...(status === 'FAILED' ? { note: 'Nobody at the address' } : {}),
      };
      const path = { id: delivery.id };
      return call(() => bazaar.POST('/api/v1/agent/deliveries/{id}/events', { params: { path }, body }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['/agent/deliveries'] }),
    onError: (error) => setProblem(error.message),
  });
  const codeId = `code-${delivery.id}`;
  return (
    <>
      {delivery.status === 'IN_TRANSIT' && delivery.deliveryCodeRequired && (
        <span className="field">
          <label htmlFor={codeId}>Delivery code</label>
          <input id={codeId} inputMode="numeric" value={code} onChange={(e) => setCode(e.target.value)} />
        </span>
      )}
      {(NEXT[delivery.status] ?? []).map(([label, status]) => (
        <button key={status} type="button" disabled={step.isPending} onClick={() => step.mutate(status)}>
          {label}
        </button>
      ))}
      {problem && <span role="alert">{problem}</span>}
    </>
  );
}

/** Reports the phone's position for every delivery on the road while sharing is on (at most every 10 s). */
function LocationSharing() {
  const [sharing, setSharing] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const last = useRef(0);
  const open = useQuery({
    queryKey: ['/agent/deliveries', 'on the road'],
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/agent/deliveries', { params: { query: { limit: 50, scope: 'open' } } })),
    enabled: sharing,
  });
  const onTheRoad = (open.data?.items ?? [])
    .filter((d) => ON_THE_ROAD.includes(d.status))
    .map((d) => d.id)
    .join(',');
  useEffect(() => {
    if (!sharing || onTheRoad === '') return;
    const watch = navigator.geolocation.watchPosition(
      (position) => {
        if (Date.now() - last.current < 10_000) return;
        last.current = Date.now();
        const point = {
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracy: Math.round(position.coords.accuracy),
          at: new Date(position.timestamp).toISOString(),
        };
        for (const id of onTheRoad.split(','))
          void call(() =>
            bazaar.POST('/api/v1/agent/deliveries/{id}/location', { params: { path: { id } }, body: point }),
          );
        setNote(`Location shared at ${new Date().toLocaleTimeString()}`);
      },
      (error) => setNote(error.message),
      { enableHighAccuracy: true },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, [sharing, onTheRoad]);
  return (
    <p>
      <button type="button" aria-pressed={sharing} onClick={() => setSharing(!sharing)}>
        {sharing ? 'Stop sharing my location' : 'Share my location'}
      </button>
      {note && <span role="status">{note}</span>}
    </p>
  );
}

export function DeliveriesTable() {
  return (
    <>
      <LocationSharing />
      <PagedTable<Delivery>
        label="Deliveries"
        queryKey="/agent/deliveries"
        fetchPage={(cursor) =>
          call(() =>
            bazaar.GET('/api/v1/agent/deliveries', {
              params: { query: { limit: 20, scope: 'open', cursor } },
            }),
          )
        }
        columns={[
          { header: 'Order', cell: (d) => d.orderNumber },
          { header: 'Status', cell: (d) => d.status },
          { header: 'Address', cell: (d) => `${d.address.name}, ${d.address.line1}, ${d.address.city}` },
          { header: 'Cash to collect', cell: (d) => (d.codAmount.amount > 0 ? money(d.codAmount) : '–') },
          { header: 'Next', cell: (d) => <NextStep delivery={d} /> },
        ]}
      />
    </>
  );
}
