/** Events tenancy publishes (through the outbox, in the transaction that caused them). */
export const TenancyEvents = {
  /** A store was opened or regenerated from a description: `{ storeId, description, businessName, currency, language, storeType? }`. */
  generationRequested: 'tenancy.store-generation-requested',
} as const;
