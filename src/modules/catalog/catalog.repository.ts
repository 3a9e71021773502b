// The catalog's SQL, one file per aggregate; this barrel keeps `import * as repo` in one place.
export * from './catalog.categories.repository.ts';
export * from './catalog.images.repository.ts';
export * from './catalog.offers.repository.ts';
export * from './catalog.products.repository.ts';
export * from './catalog.tables.ts';
