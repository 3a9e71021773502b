import type { Row } from '../types.ts';

export type ProductStatus = Row<'/api/v1/admin/products'>['status'];

export const PRODUCT_STATUSES: ProductStatus[] = ['DRAFT', 'ACTIVE', 'INACTIVE', 'ARCHIVED'];

/**
 * Where a product may go from each status (the API's life cycle: an archived product comes back
 * only as a draft); the status choice offers only these, the API refuses the others anyway.
 */
const NEXT: Record<ProductStatus, ProductStatus[]> = {
  DRAFT: ['ACTIVE', 'ARCHIVED'],
  ACTIVE: ['INACTIVE', 'ARCHIVED'],
  INACTIVE: ['ACTIVE', 'ARCHIVED'],
  ARCHIVED: ['DRAFT'],
};

export function reachable(from: ProductStatus): ProductStatus[] {
  return [from, ...NEXT[from]];
}
