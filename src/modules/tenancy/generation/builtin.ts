/**
 * The built-in store generator: no network, no model. It classifies the description into a store
 * type and a theme by keyword scoring, then fills that theme's template with the business's name,
 * city and the categories its description names. The same input always gives the same store.
 */
import { createHash } from 'node:crypto';
import {
  type GeneratedCategory,
  type GeneratedProduct,
  GeneratedStore,
  type HomeSection,
  STORE_TYPES,
  StoreGenerationInput,
  type StoreType,
} from './generation.schema.ts';
import type { StoreGenerator } from './generator.ts';
import { policiesFor } from './policies.ts';
import { priceIn } from './pricing.ts';
import { type CategoryTemplate, THEMES, type ThemeTemplate } from './templates/index.ts';

export const MIN_PRODUCTS = 20;
export const MAX_PRODUCTS = 60;
/** A theme's own words weigh more than its categories' (a "cake" could be a cafe dessert). */
const THEME_WEIGHT = 2;
const CATEGORY_WEIGHT = 1;

/** The lower-case words of a text, accents folded. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  );
}

/** A word matches a keyword as is or in a plural (cake/cakes, dress/dresses, pastry/pastries). */
function matches(word: string, keyword: string): boolean {
  if (word === keyword || word === `${keyword}s` || word === `${keyword}es`) return true;
  return keyword.endsWith('y') && word === `${keyword.slice(0, -1)}ies`;
}

function hits(words: string[], keywords: string[]): number {
  return words.filter((word) => keywords.some((keyword) => matches(word, keyword))).length;
}

function themeScore(theme: ThemeTemplate, words: string[]): number {
  const own = hits(words, theme.keywords) * THEME_WEIGHT;
  return own + theme.categories.reduce((sum, c) => sum + hits(words, c.keywords) * CATEGORY_WEIGHT, 0);
}

/** The best theme of a store type; the type's first theme when no word points at any. */
function bestTheme(storeType: StoreType, words: string[]): ThemeTemplate {
  const themes = THEMES.filter((t) => t.storeType === storeType);
  let best = themes[0]!;
  for (const theme of themes) if (themeScore(theme, words) > themeScore(best, words)) best = theme;
  return best;
}

/**
 * The store type and theme a description reads as: each type scores the best of its themes (own
 * keywords ×2, category keywords ×1); the highest wins, ties go to the earlier type in
 * STORE_TYPES, and a description matching nothing is `general`. A given `storeType` wins over
 * the words, which then only choose among that type's themes.
 */
export function classify(
  description: string,
  storeType?: StoreType,
): { storeType: StoreType; theme: string } {
  const words = wordsOf(description);
  if (storeType) return { storeType, theme: bestTheme(storeType, words).name };
  let chosen: StoreType = 'general';
  let top = 0;
  for (const type of STORE_TYPES) {
    const score = themeScore(bestTheme(type, words), words);
    if (score > top) [chosen, top] = [type, score];
  }
  return { storeType: chosen, theme: bestTheme(chosen, words).name };
}

/**
 * The categories a description names, in template order, then the others until the store has at
 * least MIN_PRODUCTS products; every category when it names none.
 */
function pickCategories(
  theme: ThemeTemplate,
  words: string[],
): { picked: CategoryTemplate[]; named: CategoryTemplate[] } {
  const named = theme.categories.filter((c) => hits(words, [...c.keywords, ...wordsOf(c.name)]) > 0);
  if (named.length === 0) return { picked: theme.categories, named };
  const picked = new Set(named);
  let count = named.reduce((sum, c) => sum + c.products.length, 0);
  for (const category of theme.categories) {
    if (count >= MIN_PRODUCTS) break;
    if (picked.has(category)) continue;
    picked.add(category);
    count += category.products.length;
  }
  return { picked: theme.categories.filter((c) => picked.has(c)), named };
}

/** URL-safe slug, the catalog's rule: accents folded, anything else a single dash. */
export function slugify(text: string, max = 120): string {
  const slug = wordsOf(text.replace(/['’]/g, '')).join('-').slice(0, max).replace(/-+$/g, '');
  return slug || 'item';
}

function freeSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

interface Context {
  input: StoreGenerationInput;
  theme: ThemeTemplate;
  slugs: Set<string>;
}

function productOf(
  ctx: Context,
  category: CategoryTemplate,
  categorySlug: string,
  line: string,
): GeneratedProduct {
  const [name = line, rupees = '100', brand] = line.split('|');
  const slug = freeSlug(slugify(name, 100), ctx.slugs);
  const axis = category.variant ?? ctx.theme.variant;
  const variants = axis.values.map(([label, percent], i) => ({
    sku: `${slug.slice(0, 56).toUpperCase()}-${i + 1}`,
    options: [{ name: axis.name, value: label }],
    price: priceIn(ctx.input.currency, Number(rupees), percent),
  }));
  const where = ctx.input.city ? ` in ${ctx.input.city}` : '';
  return {
    name,
    slug,
    description: `${name} from ${ctx.input.businessName}${where}, ${category.about}.`,
    categorySlug,
    ...(brand ? { brand } : {}),
    price: Math.min(...variants.map((v) => v.price)),
    specs: category.specs.map(([specName, value]) => ({ name: specName, value })),
    variants,
    image: `${ctx.theme.name}-${slug}`.slice(0, 80),
  };
}

/** The tree (groups, then categories) and the products, capped at MAX_PRODUCTS. */
function catalogOf(ctx: Context, picked: CategoryTemplate[]) {
  const categorySlugs = new Set<string>();
  const roots = new Map<string, GeneratedCategory>();
  const leaves = new Map<CategoryTemplate, string>();
  const products: GeneratedProduct[] = [];
  for (const category of picked) {
    let root = roots.get(category.group);
    if (!root) {
      root = { name: category.group, slug: freeSlug(slugify(category.group), categorySlugs), children: [] };
      roots.set(category.group, root);
    }
    const slug = freeSlug(slugify(category.name), categorySlugs);
    root.children.push({ name: category.name, slug, children: [] });
    leaves.set(category, slug);
    for (const line of category.products) products.push(productOf(ctx, category, slug, line));
  }
  return { categories: [...roots.values()], leaves, products: products.slice(0, MAX_PRODUCTS) };
}

function listOf(names: string[]): string {
  const lower = names.map((n, i) => (i === 0 ? n : n.toLowerCase()));
  return lower.length < 2 ? (lower[0] ?? '') : `${lower.slice(0, -1).join(', ')} and ${lower.at(-1)}`;
}

/** Capitalised and closed with a full stop, as the owner may type it in lower case. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  const closed = /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
  return closed.charAt(0).toUpperCase() + closed.slice(1);
}

/**
 * Up to eight products for the home page: those the description names by a word that is not the
 * theme's or a category name's ("sourdough", not "breads", which names a whole shelf), then the
 * featured categories' products taken in turn, so each has a place.
 */
function featuredProducts(ctx: Context, categorySlugs: string[], products: GeneratedProduct[]): string[] {
  const generic = [...ctx.theme.keywords, ...ctx.theme.categories.flatMap((c) => wordsOf(c.name))];
  const own = wordsOf(ctx.input.description).filter((word) => !generic.some((k) => matches(word, k)));
  const chosen = new Set(products.filter((p) => hits(own, wordsOf(p.name)) > 0));
  const byCategory = categorySlugs.map((slug) => products.filter((p) => p.categorySlug === slug));
  for (let turn = 0; byCategory.some((list) => list.length > turn); turn++)
    for (const list of byCategory) {
      const product = list[turn];
      if (product) chosen.add(product);
    }
  return [...chosen].slice(0, 8).map((p) => p.slug);
}

function sectionsOf(
  ctx: Context,
  tagline: string,
  featuredCategories: string[],
  products: GeneratedProduct[],
): HomeSection[] {
  const { businessName, city, description } = ctx.input;
  const where = city ? ` in ${city}` : '';
  const featured = featuredProducts(ctx, featuredCategories, products);
  return [
    { kind: 'hero', title: businessName, text: tagline },
    { kind: 'categories', title: 'Shop by category', categorySlugs: featuredCategories },
    { kind: 'products', title: 'Popular right now', productSlugs: featured },
    {
      kind: 'about',
      title: `About ${businessName}`,
      text: `${businessName} ${ctx.theme.pitch}${where}. ${asSentence(description.slice(0, 1500))}`,
    },
    {
      kind: 'contact',
      title: 'Get in touch',
      text: city
        ? `Order online or visit us in ${city}.`
        : 'Order online and we will get back to you the same day.',
    },
  ];
}

function coloursOf(theme: ThemeTemplate, businessName: string) {
  const digest = createHash('sha256').update(businessName).digest();
  const [primary, accent] = theme.palettes[digest[0]! % theme.palettes.length]!;
  return { primary, accent, background: '#ffffff', text: '#1f2933' };
}

/** The store for an input; throws a ZodError when the input is invalid. */
export function generateStore(raw: StoreGenerationInput): GeneratedStore {
  const input = StoreGenerationInput.parse(raw);
  const words = wordsOf(input.description);
  const { storeType, theme: themeName } = classify(input.description, input.storeType);
  const theme = THEMES.find((t) => t.name === themeName)!;
  const ctx: Context = { input, theme, slugs: new Set() };
  const { picked, named } = pickCategories(theme, words);
  const { categories, leaves, products } = catalogOf(ctx, picked);
  const where = input.city ? ` in ${input.city}` : '';
  const tagline = named.length
    ? `${listOf(named.map((c) => c.name))}: ${input.businessName} ${theme.pitch}${where}.`
    : `${input.businessName} ${theme.pitch}${where}.`;
  const featuredCategories = [...named, ...picked].map((c) => leaves.get(c)!);
  return GeneratedStore.parse({
    name: input.businessName,
    tagline,
    storeType,
    theme: theme.name,
    currency: input.currency,
    language: input.language,
    colours: coloursOf(theme, input.businessName),
    sections: sectionsOf(ctx, tagline, [...new Set(featuredCategories)].slice(0, 6), products),
    policies: policiesFor(storeType, input.businessName),
    categories,
    products,
  });
}

/** The built-in adapter of the StoreGenerator port. */
export const builtinGenerator: StoreGenerator = {
  generate: async (input) => generateStore(input),
};
