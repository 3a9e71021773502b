import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { Analytics } from './Analytics.tsx';

/** Analytics in the admin console: sales over time, the best sellers, the funnel, CSV downloads. */
export const analyticsPages: ConsolePage[] = [
  {
    path: '/analytics',
    name: 'Analytics',
    component: () => (
      <Section title="Analytics">
        <Analytics />
      </Section>
    ),
  },
];
