import { InvalidStatusTransition } from './catalog.errors.ts';
import type { ProductStatus } from './catalog.repository.ts';

/**
 * The product life cycle in one place. DRAFT is being prepared, ACTIVE is on sale and visible,
 * INACTIVE is paused (hidden, kept as is), ARCHIVED is retired; an archived product can only be
 * brought back as a draft.
 */
export const PRODUCT_TRANSITIONS: Record<ProductStatus, readonly ProductStatus[]> = {
  DRAFT: ['ACTIVE', 'ARCHIVED'],
  ACTIVE: ['INACTIVE', 'ARCHIVED'],
  INACTIVE: ['ACTIVE', 'ARCHIVED'],
  ARCHIVED: ['DRAFT'],
};

/** Statuses a product may be created in. */
export const INITIAL_STATUSES: readonly ProductStatus[] = ['DRAFT', 'ACTIVE'];

export function canTransition(from: ProductStatus, to: ProductStatus): boolean {
  return from === to || PRODUCT_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: ProductStatus, to: ProductStatus): void {
  if (!canTransition(from, to)) throw new InvalidStatusTransition(from, to);
}
