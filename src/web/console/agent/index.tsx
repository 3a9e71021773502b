import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { DeliveriesTable } from './Deliveries.tsx';

/** The delivery agent's screen. */
export const agentPages: ConsolePage[] = [
  {
    path: '/deliveries',
    name: 'Deliveries',
    component: () => (
      <Section title="Deliveries">
        <DeliveriesTable />
      </Section>
    ),
  },
];
