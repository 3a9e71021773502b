import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from './api.ts';
import { money, PagedTable } from './PagedTable.tsx';

interface Delivery {
  id: string;
  orderNumber: string;
  status: string;
  address: { name: string; line1: string; city: string };
  codAmount: { amount: number; currency: string };
  deliveryCodeRequired: boolean;
}

/** The next steps an agent can take from a delivery's status, as button text and API status. */
const NEXT: Record<string, Array<[string, string]>> = {
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
    mutationFn: (status: string) => {
      const body: Record<string, unknown> = { status };
      if (status === 'DELIVERED' && delivery.codAmount.amount > 0) body.codCollected = delivery.codAmount;
      if (status === 'DELIVERED' && delivery.deliveryCodeRequired) body.deliveryCode = code;
      if (status === 'FAILED') body.note = 'Nobody at the address';
      return api('POST', `/agent/deliveries/${delivery.id}/events`, body);
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
    queryFn: () => api<{ items: Delivery[] }>('GET', '/agent/deliveries?limit=50'),
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
        for (const id of onTheRoad.split(',')) void api('POST', `/agent/deliveries/${id}/location`, point);
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
        path="/agent/deliveries"
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
