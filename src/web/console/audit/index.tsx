import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { AuditLog } from './AuditLog.tsx';

/** The audit trail in the admin console (staff holding audit:read). */
export const auditPages: ConsolePage[] = [
  {
    path: '/audit',
    name: 'Audit trail',
    component: () => (
      <Section title="Audit trail">
        <AuditLog />
      </Section>
    ),
  },
];
