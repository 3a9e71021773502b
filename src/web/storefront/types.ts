import type { Money } from './format.ts';

/** The parts of the API's answers the storefront pages show. */
export interface StoreInfo {
  id: string;
  name: string;
  currency: string;
  language: string;
}

export interface CategoryNode {
  slug: string;
  name: string;
  children?: CategoryNode[];
}

export interface ProductCard {
  id: string;
  slug: string;
  name: string;
  brand: string | null;
  price: Money | null;
  compareAtPrice: Money | null;
  rating: number;
  ratingCount: number;
  inStock: boolean;
  thumbnail: string | null;
}

export interface ProductList {
  items: ProductCard[];
  nextCursor: string | null;
}

export interface Offer {
  id: string;
  price: Money;
  compareAtPrice: Money | null;
  available: boolean;
  availableQuantity?: number;
}

export interface ProductPageData {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  shortDescription: string | null;
  brand: string | null;
  breadcrumbs: Array<{ slug: string; name: string }>;
  specs: Array<{ name: string; value: string }>;
  images: Array<{
    url: string;
    altText: string | null;
    srcset?: string | null;
    width?: number | null;
    height?: number | null;
  }>;
  price: Money | null;
  compareAtPrice: Money | null;
  bestOfferId: string | null;
  inStock: boolean;
  rating: number;
  ratingCount: number;
  seoTitle: string | null;
  seoDescription: string | null;
  options?: Array<{ name: string; values: string[] }>;
  variants: Array<{ id: string; sku: string; options: Record<string, string>; offers: Offer[] }>;
}

export interface CategoryPageData {
  slug: string;
  name: string;
  description: string | null;
  breadcrumbs: Array<{ slug: string; name: string }>;
  children: Array<{ slug: string; name: string }>;
}
