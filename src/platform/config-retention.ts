// Data lifecycle settings (config.ts spreads RETENTION_SETTINGS into its schema): how long each kind
// of row is kept (decisions 029, 036) and when final orders move to the archive (decision 037).
import { z } from 'zod';

export const RETENTION_SETTINGS = {
  /** Days kept before the scheduled prunes delete them. */
  RETENTION_JOBS_DAYS: z.coerce.number().int().min(1).default(14),
  RETENTION_OUTBOX_DAYS: z.coerce.number().int().min(1).default(30),
  RETENTION_PAYMENT_EVENTS_DAYS: z.coerce.number().int().min(1).default(90),
  RETENTION_GUEST_CARTS_DAYS: z.coerce.number().int().min(1).default(30),
  /** Days audit entries are kept (two years by default); only the retention job deletes them. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).default(730),
  /** Days raw storefront events are kept, by whole months (the rollups stay); 13 months by default. */
  ANALYTICS_EVENTS_RETENTION_DAYS: z.coerce.number().int().min(31).default(400),
  NOTIFICATIONS_RETENTION_DAYS: z.coerce.number().int().min(31).default(400),
  /** Days after its last change a final order moves to the archive (decision 037); 0 or `off`: never. */
  ORDERS_ARCHIVE_AFTER_DAYS: z.preprocess(
    (v) => (v === 'off' ? 0 : v),
    z.coerce.number().int().min(0).default(730),
  ),
};
