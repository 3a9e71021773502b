import { Link, useLocation } from 'wouter';
import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { Templates } from './Templates.tsx';

/** The section's two lists, templates and the delivery log, as links under its heading. */
function Tabs() {
  const [location] = useLocation();
  const onLog = location.startsWith('/notifications/log');
  return (
    <nav aria-label="Notification pages" className="tabs">
      <Link href="/notifications" className="tab" aria-current={onLog ? undefined : 'page'}>
        Templates
      </Link>
      <Link href="/notifications/log" className="tab" aria-current={onLog ? 'page' : undefined}>
        Delivery log
      </Link>
    </nav>
  );
}

/** Notifications in the admin console: the message templates and the log of what was sent. */
export const notificationPages: ConsolePage[] = [
  {
    path: '/notifications',
    name: 'Notifications',
    component: () => (
      <Section title="Notifications">
        <Tabs />
        <Templates />
      </Section>
    ),
  },
  {
    path: '/notifications/log',
    component: () => (
      <Section title="Notifications">
        <Tabs />
        <DeliveryLog />
      </Section>
    ),
  },
  {
    path: '/notifications/templates/:type/:channel/:language',
    component: ({ params }) => (
      <TemplateEditor
        type={params.type ?? ''}
        channel={params.channel ?? ''}
        language={params.language ?? 'en'}
      />
    ),
  },
];
