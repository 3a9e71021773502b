import type { Answer200 } from '../api.ts';

/** The API's answers the storefront pages show: the typed client's generated types (src/client). */
export type StoreInfo = Answer200<'/api/v1/store'>;
export type ProductList = Answer200<'/api/v1/products'>;
export type ProductCard = ProductList['items'][number];
export type Facets = NonNullable<ProductList['facets']>;
export type ProductPageData = Answer200<'/api/v1/products/{idOrSlug}'>;
export type Offer = ProductPageData['variants'][number]['offers'][number];
export type CategoryPageData = Answer200<'/api/v1/categories/{slug}'>;
export type CategoryNode = Answer200<'/api/v1/categories'>['items'][number];
