import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { CampaignPage, Campaigns } from './Campaigns.tsx';

/** Campaigns in the admin console: the list with the form for a new one, and one with its metrics. */
export const campaignPages: ConsolePage[] = [
  {
    path: '/campaigns',
    name: 'Campaigns',
    component: () => (
      <Section title="Campaigns">
        <Campaigns />
      </Section>
    ),
  },
  { path: '/campaigns/:id', component: ({ params }) => <CampaignPage id={params.id ?? ''} /> },
];
