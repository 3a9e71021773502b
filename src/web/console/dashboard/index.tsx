import type { ConsolePage } from '../shell.tsx';
import { Dashboard } from './Dashboard.tsx';

/** The admin console's first page: the store at a glance. */
export const dashboardPages: ConsolePage[] = [
  { path: '/dashboard', name: 'Dashboard', component: Dashboard },
];
