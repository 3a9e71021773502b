import { agentPages } from './agent/index.tsx';
import { catalogPages, sellerProductPages } from './catalog/index.tsx';
import { orderPages } from './orders/index.tsx';
import { applicantPages, sellerPages } from './seller/index.tsx';
import type { ConsoleKind } from './shell.tsx';

/**
 * The three consoles by their path: who may use each and its pages. Each area of a console
 * (orders, catalog, ...) keeps its pages in its own folder and lists them in its index.tsx.
 */
export const CONSOLES: Record<string, ConsoleKind> = {
  admin: {
    title: 'Store console',
    role: 'ADMIN',
    pages: [...orderPages, ...catalogPages],
  },
  seller: {
    title: 'Seller console',
    role: 'SELLER',
    pages: [...sellerPages, ...sellerProductPages],
    withoutRole: [...applicantPages],
  },
  agent: {
    title: 'Deliveries',
    role: 'DELIVERY_AGENT',
    pages: [...agentPages],
  },
};
