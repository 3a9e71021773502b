import type { CampaignStatus } from './campaigns.schemas.ts';

/**
 * Where a campaign may go from each status. Staff schedule a draft (or take the schedule off), send
 * it by hand or the scheduler does at `sendAt`; the worker finishes a send; staff cancel anything
 * not yet sent (a send in progress stops after the page in hand).
 */
export const CAMPAIGN_TRANSITIONS: Record<CampaignStatus, readonly CampaignStatus[]> = {
  DRAFT: ['SCHEDULED', 'SENDING', 'CANCELLED'],
  SCHEDULED: ['DRAFT', 'SENDING', 'CANCELLED'],
  SENDING: ['SENT', 'CANCELLED'],
  SENT: [],
  CANCELLED: [],
};

export function canMove(from: CampaignStatus, to: CampaignStatus): boolean {
  return CAMPAIGN_TRANSITIONS[from].includes(to);
}

/** Staff change a campaign's content and target only before it is sent. */
export const isEditable = (status: CampaignStatus) => status === 'DRAFT' || status === 'SCHEDULED';
