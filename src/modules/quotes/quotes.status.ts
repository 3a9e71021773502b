import type { LeadStatus } from './quotes.schemas.ts';

/**
 * Where a lead may go from each status. Staff make contact, quote (again, while the buyer has not
 * answered, or after a quote lapsed) or decline; the buyer declines at any time before converting;
 * the sweep expires a quote past its validity; ACCEPTED becomes CONVERTED when its order is placed;
 * a CONVERTED lead whose order is cancelled before payment is QUOTED again while still valid, else
 * EXPIRED (decision 034). Staff and sellers quote only from QUOTABLE.
 */
export const LEAD_TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  NEW: ['CONTACTED', 'QUOTED', 'DECLINED'],
  CONTACTED: ['QUOTED', 'DECLINED'],
  QUOTED: ['QUOTED', 'ACCEPTED', 'DECLINED', 'EXPIRED'],
  ACCEPTED: ['CONVERTED', 'EXPIRED', 'DECLINED'],
  EXPIRED: ['QUOTED', 'DECLINED'],
  DECLINED: [],
  CONVERTED: ['QUOTED', 'EXPIRED'],
};

/** The statuses staff and sellers may (re-)quote from: not once the buyer accepted or it ended. */
export const QUOTABLE: readonly LeadStatus[] = ['NEW', 'CONTACTED', 'QUOTED', 'EXPIRED'];

export function canMove(from: LeadStatus, to: LeadStatus): boolean {
  return LEAD_TRANSITIONS[from].includes(to);
}
