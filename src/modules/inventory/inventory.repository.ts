// Inventory's SQL, one file per aggregate; this barrel lets services read `repo.x` from one place.
export * from './inventory.check.repository.ts';
export * from './inventory.items.repository.ts';
export * from './inventory.reads.repository.ts';
export * from './inventory.reservations.repository.ts';
export * from './inventory.tables.ts';
export * from './inventory.warehouses.repository.ts';
