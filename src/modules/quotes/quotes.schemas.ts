import { z } from 'zod';
import { Id, MAX_AMOUNT, MoneyView, Text } from '../../platform/schemas.ts';

export const LEAD_STATUSES = [
  'NEW',
  'CONTACTED',
  'QUOTED',
  'ACCEPTED',
  'DECLINED',
  'EXPIRED',
  'CONVERTED',
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const ACTOR_ROLES = ['BUYER', 'STAFF', 'SELLER', 'SYSTEM'] as const;
export type LeadActorRole = (typeof ACTOR_ROLES)[number];

const Limit = z.coerce.number().int().min(1).max(100).default(20);
const Cursor = z.string().min(1).max(500).optional();
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-12-31.');

/** An item asked for: an offer of the catalog and a quantity, or an item described in words. */
const LeadItemInput = z
  .object({
    offerId: Id.optional(),
    description: Text(500)
      .optional()
      .describe('What is wanted, in words, when it is not an offer of the catalog.'),
    quantity: z.number().int().min(1).max(1_000_000),
  })
  .refine((i) => (i.offerId === undefined) !== (i.description === undefined), {
    message: 'Give either offerId or description.',
    path: ['offerId'],
  });

export const Contact = z.object({
  name: Text(200),
  email: z.string().trim().toLowerCase().email().max(320),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'Use E.164, e.g. +919812345678.')
    .optional(),
});

export const LeadBody = z.object({
  items: z.array(LeadItemInput).min(1).max(100),
  message: Text(5000).optional(),
  deliveryLocation: Text(500).optional(),
  wantedBy: Day.optional(),
  contact: Contact.optional().describe('Required without a bearer token: how staff reach a guest.'),
});
export type LeadInput = z.output<typeof LeadBody>;

export const PageQuery = z.object({ cursor: Cursor, limit: Limit });
export type PageQuery = z.output<typeof PageQuery>;
export const StaffLeadQuery = PageQuery.extend({
  status: z.enum(LEAD_STATUSES).optional(),
  assignedTo: Id.optional(),
  from: Day.optional().describe('Leads made on or after this day (UTC).'),
  to: Day.optional().describe('Leads made on or before this day (UTC).'),
});
export type StaffLeadQuery = z.output<typeof StaffLeadQuery>;

export const AssignBody = z.object({
  userId: Id.nullable().describe('A staff member of the store, or null to unassign.'),
});
export const StatusBody = z.object({
  status: z.enum(['CONTACTED', 'DECLINED']).describe('Staff record contact made, or decline the lead.'),
  remarks: Text(1000).optional(),
});
export const DeclineBody = z.object({ remarks: Text(1000).optional() });

export const QuoteBody = z.object({
  items: z
    .array(z.object({ itemId: Id, unitPrice: z.number().int().min(0).max(MAX_AMOUNT) }))
    .max(100)
    .describe(
      'A unit price, in minor units of the store currency, for every item of the lead; an item a seller priced (still valid) may be left out to keep the seller’s price.',
    ),
  validUntil: z
    .string()
    .datetime({ offset: true })
    .describe('When the quote lapses; in the future, at most a year ahead.'),
  terms: Text(5000).optional(),
  notes: Text(5000).optional(),
});
export type QuoteInput = z.output<typeof QuoteBody>;

export const SellerQuoteBody = z.object({
  items: z
    .array(z.object({ itemId: Id, unitPrice: z.number().int().min(0).max(MAX_AMOUNT) }))
    .min(1)
    .max(100)
    .describe('A unit price, in minor units of the store currency, for every item of yours in the lead.'),
  validUntil: z
    .string()
    .datetime({ offset: true })
    .describe('When your prices lapse; in the future, at most a year ahead.'),
  notes: Text(5000).optional(),
});
export type SellerQuoteInput = z.output<typeof SellerQuoteBody>;

export const MessageBody = z.object({ body: Text(5000) });

const LeadItemView = z.object({
  id: z.string(),
  offerId: z.string().nullable(),
  productId: z.string().nullable(),
  sellerId: z.string().nullable(),
  description: z.string(),
  quantity: z.number().int(),
  listUnitPrice: MoneyView.nullable().describe('The catalog price when the lead was made.'),
  quotedUnitPrice: MoneyView.nullable(),
  quotedTotal: MoneyView.nullable(),
  quotedBy: z
    .object({ role: z.enum(['STAFF', 'SELLER']), userId: z.string().nullable() })
    .nullable()
    .describe('Who priced the item: staff, or its seller for their part.'),
  quotedValidUntil: z.string().nullable().describe('Until when this item’s price holds.'),
  quotedNotes: z.string().nullable().describe('The seller’s notes with their part.'),
});

const HistoryEntry = z.object({
  status: z.enum(LEAD_STATUSES),
  at: z.string(),
  by: z.enum(ACTOR_ROLES),
  byUserId: z.string().nullable(),
  remarks: z.string().nullable(),
});

const QuoteView = z.object({
  total: MoneyView,
  validUntil: z.string(),
  terms: z.string().nullable(),
  notes: z.string().nullable(),
  quotedAt: z.string(),
});

export const LeadSummary = z
  .object({
    id: z.string(),
    status: z.enum(LEAD_STATUSES),
    contact: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
    itemCount: z.number().int(),
    quote: QuoteView.nullable(),
    assignedTo: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    order: z
      .object({ id: z.string(), number: z.string() })
      .nullable()
      .describe('The order the accepted quote became (CONVERTED).'),
    wantedBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'LeadSummary' });

export const LeadView = LeadSummary.extend({
  userId: z.string().nullable(),
  message: z.string().nullable(),
  deliveryLocation: z.string().nullable(),
  items: z.array(LeadItemView),
  history: z.array(HistoryEntry),
}).meta({ id: 'Lead' });
export type LeadView = z.infer<typeof LeadView>;

export const AcceptedView = LeadView.extend({
  cartId: z.string().describe('The buyer’s cart, holding the quoted items at the quoted prices.'),
}).meta({ id: 'AcceptedLead' });

export const LeadPage = z.object({ items: z.array(LeadSummary), nextCursor: z.string().nullable() });

export const MessageView = z.object({
  id: z.string(),
  by: z.enum(['BUYER', 'STAFF', 'SELLER']),
  authorId: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export const MessagePage = z.object({ items: z.array(MessageView), nextCursor: z.string().nullable() });
