/** The events campaigns writes to the outbox. */
export const CampaignEvents = {
  /** A campaign's send began (by hand or at its `sendAt`): `{ campaignId }`. */
  sendStarted: 'campaigns.campaign.send-started',
} as const;
