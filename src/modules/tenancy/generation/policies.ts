/** The policy texts of a generated store, by store type: food cannot be returned the way a shirt can. */
import type { StoreType } from './generation.schema.ts';

type Policies = { returns: string; shipping: string; privacy: string };

const RETURNS: Record<StoreType, string> = {
  grocery:
    'Fresh and perishable items cannot be returned. If an item arrives damaged, spoiled or wrong, tell us within 24 hours of delivery with a photo and we will replace it or refund it in full.',
  restaurant:
    'Food is prepared when you order, so orders cannot be returned. If something is missing or not as ordered, tell us within 2 hours of delivery and we will replace it or refund it.',
  clinic:
    'Appointments can be cancelled or moved free of charge up to 12 hours before their time. Sealed health products can be returned within 7 days; opened medicines cannot be returned.',
  fashion:
    'Unworn items with their tags can be returned or exchanged within 14 days of delivery. Refunds go back to the original payment method within 7 working days of receiving the return.',
  general:
    'Unused items in their original packaging can be returned within 10 days of delivery. Faulty items are replaced or repaired under the maker’s warranty.',
};

const SHIPPING: Record<StoreType, string> = {
  grocery:
    'We deliver the same day for orders placed before 4 pm, and the next morning otherwise. Delivery is free above the minimum order shown at checkout.',
  restaurant:
    'We deliver hot within our delivery area, usually within 45 minutes. You can also order ahead and pick up.',
  clinic:
    'Health products are delivered within 2 working days. Consultations and tests are booked for a time you choose; home sample collection is available where shown.',
  fashion:
    'Orders are packed within 1 working day and delivered in 3–7 working days. Delivery is free above the minimum order shown at checkout.',
  general:
    'Orders are packed within 1 working day and delivered in 2–6 working days, with tracking sent by message.',
};

export function policiesFor(storeType: StoreType, business: string): Policies {
  return {
    returns: RETURNS[storeType],
    shipping: SHIPPING[storeType],
    privacy: `${business} uses your name, phone number, address and order history only to take and deliver your orders and to answer your questions. We do not sell your data. You can ask us to show or delete what we hold about you at any time.`,
  };
}
