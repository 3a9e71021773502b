import { agentPages } from './agent/index.tsx';
import { analyticsPages } from './analytics/index.tsx';
import { auditPages } from './audit/index.tsx';
import { campaignPages } from './campaigns/index.tsx';
import { catalogPages, sellerProductPages } from './catalog/index.tsx';
import { dashboardPages } from './dashboard/index.tsx';
import { inventoryPages } from './inventory/index.tsx';
import { notificationPages } from './notifications/index.tsx';
import { orderPages } from './orders/index.tsx';
import { peoplePages } from './people/index.tsx';
import { promotionPages } from './promotions/index.tsx';
import { leadPages, sellerLeadPages } from './quotes/index.tsx';
import { reviewPages, sellerReviewPages } from './reviews/index.tsx';
import { applicantPages, sellerPages } from './seller/index.tsx';
import { settingsPages } from './settings/index.tsx';
import type { ConsoleKind } from './shell.tsx';

/**
 * The three consoles by their path: who may use each and its pages. Each area of a console
 * (orders, catalog, ...) keeps its pages in its own folder and lists them in its index.tsx.
 */
export const CONSOLES: Record<string, ConsoleKind> = {
  admin: {
    title: 'Store console',
    role: 'ADMIN',
    pages: [
      ...dashboardPages,
      ...analyticsPages,
      ...orderPages,
      ...catalogPages,
      ...inventoryPages,
      ...peoplePages,
      ...promotionPages,
      ...campaignPages,
      ...reviewPages,
      ...leadPages,
      ...notificationPages,
      ...settingsPages,
      ...auditPages,
    ],
  },
  seller: {
    title: 'Seller console',
    role: 'SELLER',
    pages: [...sellerPages, ...sellerProductPages, ...sellerReviewPages, ...sellerLeadPages],
    withoutRole: [...applicantPages],
  },
  agent: {
    title: 'Deliveries',
    role: 'DELIVERY_AGENT',
    pages: [...agentPages],
  },
};
