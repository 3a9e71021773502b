/**
 * What a store generator hands back: a whole store (type, theme, home page, policies, a category
 * tree and its products) as one document, checked here before anything is stored from it.
 */
import { z } from 'zod';
import { PLACEHOLDER_NAME } from '../../../platform/placeholders.ts';
import { Currency, MAX_AMOUNT } from '../../../platform/schemas.ts';

/** The store types of seed 001. */
export const STORE_TYPES = ['grocery', 'restaurant', 'clinic', 'fashion', 'general'] as const;
export const StoreType = z.enum(STORE_TYPES);
export type StoreType = z.infer<typeof StoreType>;

/** The catalog's slug rule, so a generated slug is one the catalog accepts. */
export const GeneratedSlug = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
export const HexColour = z.string().regex(/^#[0-9a-f]{6}$/, 'Use #rrggbb in lower case.');
const Line = (max: number) => z.string().trim().min(1).max(max);

export const StoreGenerationInput = z.object({
  businessName: Line(120),
  description: Line(2000),
  city: Line(80).optional(),
  currency: Currency,
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag such as en or hi-IN.'),
  storeType: StoreType.optional(),
});
export type StoreGenerationInput = z.infer<typeof StoreGenerationInput>;

export const Theme = z.object({
  primary: HexColour,
  accent: HexColour,
  background: HexColour,
  text: HexColour,
});

export const HomeSection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hero'), title: Line(200), text: Line(500) }),
  z.object({ kind: z.literal('categories'), title: Line(200), categorySlugs: z.array(GeneratedSlug).min(1) }),
  z.object({ kind: z.literal('products'), title: Line(200), productSlugs: z.array(GeneratedSlug).min(1) }),
  z.object({ kind: z.literal('about'), title: Line(200), text: Line(2000) }),
  z.object({ kind: z.literal('contact'), title: Line(200), text: Line(500) }),
]);
export type HomeSection = z.infer<typeof HomeSection>;

export const Policies = z.object({ returns: Line(4000), shipping: Line(4000), privacy: Line(4000) });

export interface GeneratedCategory {
  name: string;
  slug: string;
  children: GeneratedCategory[];
}
export const GeneratedCategory: z.ZodType<GeneratedCategory> = z.lazy(() =>
  // The catalog keeps category slugs to 120 characters (product slugs to 200).
  z.object({ name: Line(120), slug: GeneratedSlug.max(120), children: z.array(GeneratedCategory) }),
);

const Option = z.object({ name: Line(60), value: Line(60) });
const Price = z.number().int().min(1).max(MAX_AMOUNT);

export const GeneratedVariant = z.object({ sku: Line(64), options: z.array(Option).min(1), price: Price });

export const GeneratedProduct = z.object({
  name: Line(200),
  slug: GeneratedSlug,
  description: Line(2000),
  categorySlug: GeneratedSlug,
  brand: Line(120).optional(),
  /** The lowest variant price, in minor units of the store currency. */
  price: Price,
  specs: z.array(z.object({ name: Line(60), value: Line(200) })),
  variants: z.array(GeneratedVariant).min(1),
  /** A placeholder picture's name: the server draws `/placeholders/{image}.svg` itself. */
  image: z.string().regex(PLACEHOLDER_NAME),
});
export type GeneratedProduct = z.infer<typeof GeneratedProduct>;

const GeneratedStoreShape = z.object({
  name: Line(120),
  tagline: Line(300),
  storeType: StoreType,
  /** Which template of the type was used (bakery, pharmacy…): shown to the owner, kept for support. */
  theme: z.string().min(1).max(40),
  currency: Currency,
  language: z.string().min(2).max(35),
  colours: Theme,
  sections: z.array(HomeSection).min(1),
  policies: Policies,
  categories: z.array(GeneratedCategory).min(1),
  products: z.array(GeneratedProduct).min(20).max(60),
});
export const GeneratedStore = GeneratedStoreShape.superRefine(checkReferences);
export type GeneratedStore = z.infer<typeof GeneratedStore>;

function flatten(nodes: GeneratedCategory[]): GeneratedCategory[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

function duplicates(values: string[]): string[] {
  return values.filter((value, i) => values.indexOf(value) !== i);
}

/** Slugs and SKUs are unique, and every slug a product or section names exists. */
function checkReferences(store: z.infer<typeof GeneratedStoreShape>, ctx: z.RefinementCtx): void {
  const categorySlugs = flatten(store.categories).map((c) => c.slug);
  const productSlugs = store.products.map((p) => p.slug);
  const skus = store.products.flatMap((p) => p.variants.map((v) => v.sku));
  const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
  for (const slug of duplicates(categorySlugs)) issue(`category slug ${slug} is used twice`);
  for (const slug of duplicates(productSlugs)) issue(`product slug ${slug} is used twice`);
  for (const sku of duplicates(skus)) issue(`SKU ${sku} is used twice`);
  const categories = new Set(categorySlugs);
  const products = new Set(productSlugs);
  for (const p of store.products) {
    if (!categories.has(p.categorySlug)) issue(`${p.slug} names no category ${p.categorySlug}`);
    if (p.price !== Math.min(...p.variants.map((v) => v.price)))
      issue(`${p.slug}: price is not its lowest variant's`);
  }
  for (const section of store.sections) {
    if (section.kind === 'categories')
      for (const s of section.categorySlugs) if (!categories.has(s)) issue(`section names no category ${s}`);
    if (section.kind === 'products')
      for (const s of section.productSlugs) if (!products.has(s)) issue(`section names no product ${s}`);
  }
}
