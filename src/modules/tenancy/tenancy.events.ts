/** Events tenancy publishes (through the outbox, in the transaction that caused them). */
export const TenancyEvents = {
  /** A store was opened or regenerated from a description: `{ storeId, description, businessName, currency, language, storeType? }`. */
  generationRequested: 'tenancy.store-generation-requested',
  /** Someone was invited to a store's staff: `{ email, storeName, role, token: { sealed, aad } }`, in the realm. */
  staffInvited: 'tenancy.staff.invited',
} as const;
