import { z } from 'zod';
import { PageQuery } from '../../platform/http/pagination.ts';
import { MoneyInput, MoneyView } from '../../platform/schemas.ts';

/** Largest quantity one call may move: far inside int4 and JS safe integers. */
export const MAX_QUANTITY = 1_000_000_000;

const Uuid = z.uuid();
/** Path ids of any format: unknown ones are 404, not 400. */
const PathId = z.string().min(1).max(200);
export const Quantity = z.number().int().min(1).max(MAX_QUANTITY);
const Reason = z.string().trim().min(1).max(500);
const WAREHOUSE_TYPES = ['FULFILLMENT', 'DROPSHIP', 'RETAIL'] as const;
const MOVEMENT_TYPES = [
  'INBOUND',
  'OUTBOUND',
  'ADJUSTMENT',
  'TRANSFER',
  'DAMAGE',
  'RETURN',
  'EXPIRE',
  'SHIPMENT',
] as const;
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour).');

export const Reference = z.object({
  type: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'Capitals, digits and _, e.g. ORDER.')
    .describe('What the reference points at, e.g. ORDER, CHECKOUT, QUOTE'),
  id: z.string().trim().min(1).max(100),
});
export type Reference = z.infer<typeof Reference>;

const Address = z.object({
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).optional(),
  city: z.string().trim().min(1).max(100),
  state: z.string().trim().max(100).optional(),
  postalCode: z.string().trim().max(20).optional(),
  country: z.string().trim().min(2).max(56),
});

const OperatingHours = z
  .partialRecord(z.enum(DAYS), z.object({ open: Time, close: Time }))
  .describe('Opening hours per weekday; a missing day is closed.');

const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'An IANA time zone, e.g. Asia/Kolkata.');

const WarehouseFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/, 'Up to 20 letters, digits, - and _.')
    .transform((c) => c.toUpperCase()),
  name: z.string().trim().min(1).max(200),
  type: z.enum(WAREHOUSE_TYPES).optional(),
  address: Address.optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  timezone: TimeZone.optional(),
  operatingHours: OperatingHours.nullable().optional(),
  maxCapacity: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  active: z.boolean().optional(),
};

export const WarehouseBody = z.object(WarehouseFields);
export type WarehouseBody = z.infer<typeof WarehouseBody>;
export const WarehousePatch = z.object({
  ...WarehouseFields,
  code: WarehouseFields.code.optional(),
  name: WarehouseFields.name.optional(),
  address: Address.optional(),
});
export type WarehousePatch = z.infer<typeof WarehousePatch>;

export const WarehouseView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.enum(WAREHOUSE_TYPES),
  address: Address.partial(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  timezone: z.string(),
  operatingHours: OperatingHours.nullable(),
  maxCapacity: z.number().nullable(),
  active: z.boolean(),
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WarehouseView = z.infer<typeof WarehouseView>;
export const WarehouseList = z.object({ items: z.array(WarehouseView), nextCursor: z.string().nullable() });
export const WarehouseParams = z.object({ warehouseId: PathId });

const LotBody = z
  .object({
    code: z.string().trim().min(1).max(64),
    manufacturedOn: z.iso.date().optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    unitCost: MoneyInput.optional().describe('Cost price of one unit of this lot, in minor units'),
  })
  .superRefine((lot, ctx) => {
    if (lot.manufacturedOn && lot.expiresAt && new Date(lot.expiresAt) < new Date(lot.manufacturedOn)) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'Expiry precedes manufacture.' });
    }
  });

export const ReceiveBody = z.object({
  offerId: Uuid,
  productId: Uuid.optional().describe(
    "Optional; taken from the catalog offer, and must be the offer's when given",
  ),
  sellerId: Uuid.optional().describe(
    "Optional; taken from the catalog offer, and must be the offer's when given",
  ),
  warehouseId: Uuid.optional().describe('Defaults to the store’s default warehouse'),
  quantity: Quantity,
  lot: LotBody.optional(),
  reason: Reason.optional(),
  reference: Reference.optional(),
});
export type ReceiveBody = z.infer<typeof ReceiveBody>;

export const AdjustBody = z.object({
  offerId: Uuid,
  warehouseId: Uuid,
  delta: z
    .number()
    .int()
    .min(-MAX_QUANTITY)
    .max(MAX_QUANTITY)
    .refine((d) => d !== 0, 'Must not be 0.')
    .describe('Signed change of on-hand units'),
  reason: Reason,
  lotId: Uuid.optional(),
});
export type AdjustBody = z.infer<typeof AdjustBody>;

export const DamageBody = z.object({
  offerId: Uuid,
  warehouseId: Uuid,
  quantity: Quantity,
  reason: Reason,
  lotId: Uuid.optional(),
});
export type DamageBody = z.infer<typeof DamageBody>;

export const TransferBody = z.object({
  offerId: Uuid,
  fromWarehouseId: Uuid,
  toWarehouseId: Uuid,
  quantity: Quantity,
  lotId: Uuid.optional(),
  reason: Reason.optional(),
});
export type TransferBody = z.infer<typeof TransferBody>;

export const SettingsBody = z.object({
  reorderPoint: z.number().int().min(0).max(MAX_QUANTITY).optional(),
  reorderQuantity: z.number().int().min(0).max(MAX_QUANTITY).optional(),
  maxLevel: z.number().int().min(1).max(MAX_QUANTITY).nullable().optional(),
  /** Days from ordering stock to having it (the stock forecast's lead time); null: the store default. */
  leadTimeDays: z.number().int().min(1).max(365).nullable().optional(),
  bin: z.string().trim().min(1).max(20).nullable().optional(),
  shelf: z.string().trim().min(1).max(20).nullable().optional(),
});
export type SettingsBody = z.infer<typeof SettingsBody>;

export const OfferParams = z.object({ offerId: PathId });
export const OfferWarehouseParams = z.object({ offerId: PathId, warehouseId: PathId });
export const ProductParams = z.object({ productId: PathId });
export const SellerParams = z.object({ sellerId: PathId });

const LotView = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  manufacturedOn: z.string().nullable(),
  expiresAt: z.string().nullable(),
  expired: z.boolean(),
  onHand: z.number(),
  reserved: z.number(),
  receivedQuantity: z.number(),
  unitCost: MoneyView.nullable(),
});
export type LotView = z.infer<typeof LotView>;

export const StockView = z.object({
  id: z.uuid(),
  offerId: z.uuid(),
  productId: z.uuid(),
  sellerId: z.uuid(),
  warehouse: z.object({ id: z.uuid(), code: z.string(), name: z.string(), active: z.boolean() }),
  onHand: z.number(),
  reserved: z.number(),
  committed: z.number(),
  damaged: z.number(),
  available: z.number().describe('onHand − reserved'),
  sellable: z.number().describe('available minus expired lots; 0 in an inactive warehouse'),
  reorderPoint: z.number(),
  reorderQuantity: z.number(),
  maxLevel: z.number().nullable(),
  leadTimeDays: z.number().nullable(),
  bin: z.string().nullable(),
  shelf: z.string().nullable(),
  totals: z.object({
    received: z.number(),
    sold: z.number(),
    returned: z.number(),
    adjusted: z.number(),
    shipped: z.number().describe('Sold units that left the warehouse (committed → shipped)'),
  }),
  lots: z.array(LotView).optional(),
  updatedAt: z.string(),
});
export type StockView = z.infer<typeof StockView>;
export const StockList = z.object({ items: z.array(StockView), nextCursor: z.string().nullable() });

export const OfferStockView = z.object({
  offerId: z.uuid(),
  productId: z.uuid(),
  sellerId: z.uuid(),
  onHand: z.number(),
  reserved: z.number(),
  committed: z.number(),
  damaged: z.number(),
  available: z.number().describe('Sellable units across active warehouses'),
  warehouses: z.array(StockView),
});
export type OfferStockView = z.infer<typeof OfferStockView>;

export const TransferView = z.object({ transferId: z.uuid(), from: StockView, to: StockView });
export type TransferView = z.infer<typeof TransferView>;

export const ProductStockView = z.object({
  productId: z.uuid(),
  totalAvailable: z.number(),
  warehouses: z.array(
    z.object({ warehouseId: z.uuid(), code: z.string(), name: z.string(), available: z.number() }),
  ),
  offers: z.array(z.object({ offerId: z.uuid(), sellerId: z.uuid(), available: z.number() })),
  stock: z.array(StockView),
});
export type ProductStockView = z.infer<typeof ProductStockView>;

export const MovementQuery = PageQuery.extend({ type: z.enum(MOVEMENT_TYPES).optional() });
export const LowStockQuery = PageQuery.extend({ warehouseId: z.string().min(1).max(200).optional() });

export const MovementView = z.object({
  id: z.uuid(),
  type: z.enum(MOVEMENT_TYPES),
  offerId: z.uuid(),
  warehouseId: z.uuid(),
  lotId: z.uuid(),
  lotCode: z.string().nullable(),
  quantityChange: z.number(),
  quantityBefore: z.number(),
  quantityAfter: z.number(),
  committedChange: z.number().describe('Change of committed units: −q on a SHIPMENT, else 0'),
  shipmentId: z.uuid().nullable(),
  reason: z.string().nullable(),
  reference: Reference.nullable(),
  actorUserId: z.uuid().nullable(),
  unitCost: MoneyView.nullable(),
  createdAt: z.string(),
});
export type MovementView = z.infer<typeof MovementView>;
export const MovementList = z.object({ items: z.array(MovementView), nextCursor: z.string().nullable() });

const ReserveLine = z.object({ offerId: Uuid, quantity: Quantity });

export const ReserveBody = z.object({
  reference: Reference,
  lines: z.array(ReserveLine).min(1).max(100),
  ttlSeconds: z.number().int().min(10).max(86_400).optional(),
});
export type ReserveBody = z.infer<typeof ReserveBody>;
export const ReleaseBody = z.object({ reason: Reason.optional() }).optional();
export const ReturnBody = z
  .object({
    lines: z.array(ReserveLine).min(1).max(100).optional(),
    reason: Reason.optional(),
    shipped: z
      .boolean()
      .optional()
      .describe('true: only shipped units come back; false: only unshipped; absent: unshipped first'),
    condition: z
      .enum(['SELLABLE', 'DAMAGED'])
      .optional()
      .describe('DAMAGED: the units returned go to damaged, not on hand'),
  })
  .optional();
export type ReturnBody = z.infer<typeof ReturnBody>;
export const ReservationParams = z.object({ reservationId: PathId });

export const ReservationView = z.object({
  id: z.uuid(),
  reference: Reference,
  status: z.enum(['ACTIVE', 'CONFIRMED', 'RELEASED', 'EXPIRED']),
  expiresAt: z.string(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  releasedAt: z.string().nullable(),
  releaseReason: z.string().nullable(),
  lines: z.array(
    z.object({
      offerId: z.uuid(),
      lotId: z.uuid(),
      quantity: z.number(),
      returnedQuantity: z.number(),
      shippedQuantity: z.number(),
      shippedReturnedQuantity: z.number().describe('Of the returned units, those that had been shipped'),
    }),
  ),
});
export type ReservationView = z.infer<typeof ReservationView>;

export const CheckView = z.object({
  healthy: z.boolean(),
  mismatches: z.array(
    z.object({
      kind: z.string(),
      itemId: z.uuid(),
      lotId: z.uuid().nullable(),
      offerId: z.uuid(),
      warehouseId: z.uuid(),
      expected: z.number(),
      actual: z.number(),
    }),
  ),
});
export type CheckView = z.infer<typeof CheckView>;
