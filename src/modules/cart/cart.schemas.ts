import { z } from 'zod';
import { Id, IdParams, MoneyView, Text } from '../../platform/schemas.ts';

export const CartParams = IdParams;
export const CartItemParams = z.object({ id: Id, itemId: Id });
export const Quantity = z.number().int().min(1).max(100_000);
export const AddItemBody = z.object({ offerId: Id, quantity: Quantity });
export const SetQuantityBody = z.object({ quantity: Quantity });

export const CartItemView = z.object({
  id: z.string().uuid(),
  offerId: z.string().uuid(),
  productId: z.string().nullable(),
  sellerId: z.string().nullable(),
  name: z.string(),
  sku: z.string().nullable(),
  options: z.record(z.string(), z.string()),
  imageUrl: z.string().nullable(),
  quantity: z.number().int(),
  // the price when the item was added; the line is charged at this until the buyer accepts a change
  unitPrice: MoneyView,
  currentPrice: MoneyView.nullable(),
  total: MoneyView,
  priceChanged: z.boolean(),
  // a line of an accepted quote: at the quoted price, its quantity and price locked while it holds
  quoted: z.boolean(),
  // purchasable and enough in stock for this quantity
  available: z.boolean(),
  availableQuantity: z.number().int(),
});
export type CartItemView = z.infer<typeof CartItemView>;

export const CartView = z.object({
  id: z.string().uuid(),
  status: z.enum(['ACTIVE', 'MERGED', 'CONVERTED', 'ABANDONED']),
  userId: z.string().nullable(),
  currency: z.string(),
  items: z.array(CartItemView),
  totals: z.object({
    subtotal: MoneyView,
    discount: MoneyView,
    tax: MoneyView,
    shipping: MoneyView,
    total: MoneyView,
  }),
  // an item's price changed or it cannot be bought as is: checkout would refuse
  needsAttention: z.boolean(),
  // the accepted quote the cart holds (decision 026): its lead and until when it holds
  quote: z.object({ leadId: z.string().uuid(), validUntil: z.string() }).nullable(),
  updatedAt: z.string(),
});
export type CartView = z.infer<typeof CartView>;

export const WishlistParams = IdParams;
export const WishlistItemParams = z.object({ id: Id, itemId: Id });
export const WishlistBody = z.object({
  name: Text(100),
  description: z.string().trim().max(1000).optional(),
});
export const WishlistPatch = z.object({
  name: Text(100).optional(),
  description: z.string().trim().max(1000).nullable().optional(),
});
export const WishlistItemBody = z.object({
  offerId: Id,
  note: z.string().trim().max(500).optional(),
});
export const MoveToCartBody = z.object({
  cartId: Id.optional(),
  quantity: Quantity.default(1),
});
export const WishlistView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: z.string(),
  items: z.array(
    z.object({
      id: z.string().uuid(),
      offerId: z.string().uuid(),
      productId: z.string().nullable(),
      name: z.string(),
      price: MoneyView.nullable(),
      available: z.boolean(),
      note: z.string().nullable(),
      addedAt: z.string(),
    }),
  ),
});
