import { z } from 'zod';

const Money = z.object({ amount: z.number().int(), currency: z.string() });
const Id = z.string().max(100);

export const CartParams = z.object({ id: Id });
export const CartItemParams = z.object({ id: Id, itemId: Id });
export const Quantity = z.number().int().min(1).max(100_000);
export const AddItemBody = z.object({ offerId: z.string().max(100), quantity: Quantity });
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
  unitPrice: Money,
  currentPrice: Money.nullable(),
  total: Money,
  priceChanged: z.boolean(),
  available: z.boolean(),
  availableQuantity: z.number().int(),
});

export const CartView = z.object({
  id: z.string().uuid(),
  status: z.enum(['ACTIVE', 'MERGED', 'CONVERTED', 'ABANDONED']),
  userId: z.string().nullable(),
  currency: z.string(),
  items: z.array(CartItemView),
  totals: z.object({ subtotal: Money, discount: Money, tax: Money, shipping: Money, total: Money }),
  needsAttention: z.boolean(),
  updatedAt: z.string(),
});

export const WishlistParams = z.object({ id: Id });
export const WishlistItemParams = z.object({ id: Id, itemId: Id });
export const WishlistBody = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).optional(),
});
export const WishlistPatch = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  description: z.string().trim().max(1000).nullable().optional(),
});
export const WishlistItemBody = z.object({
  offerId: z.string().max(100),
  note: z.string().trim().max(500).optional(),
});
export const MoveToCartBody = z.object({
  cartId: z.string().max(100).optional(),
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
      price: Money.nullable(),
      available: z.boolean(),
      note: z.string().nullable(),
      addedAt: z.string(),
    }),
  ),
});
