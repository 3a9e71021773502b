import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { Lookups } from './Lookups.tsx';
import { Carriers, ShippingMethods } from './Shipping.tsx';
import { StoreSettings } from './StoreSettings.tsx';
import { TaxRules } from './TaxRules.tsx';
import { Terms } from './Terms.tsx';

/** The store's settings in the admin console: taxes, shipping, carriers, lookups and the store itself. */
export const settingsPages: ConsolePage[] = [
  {
    path: '/tax-rules',
    name: 'Tax rules',
    component: () => (
      <Section title="Tax rules">
        <TaxRules />
      </Section>
    ),
  },
  {
    path: '/shipping-methods',
    name: 'Shipping',
    component: () => (
      <Section title="Shipping methods">
        <ShippingMethods />
      </Section>
    ),
  },
  {
    path: '/carriers',
    name: 'Carriers',
    component: () => (
      <Section title="Carriers">
        <Carriers />
      </Section>
    ),
  },
  {
    path: '/lookups',
    name: 'Lookups',
    component: () => (
      <Section title="Lookups">
        <Lookups />
      </Section>
    ),
  },
  {
    path: '/terms',
    name: 'Terms',
    component: () => (
      <Section title="Terms">
        <Terms />
      </Section>
    ),
  },
  {
    path: '/settings',
    name: 'Settings',
    component: () => (
      <Section title="Store settings">
        <StoreSettings />
      </Section>
    ),
  },
];
