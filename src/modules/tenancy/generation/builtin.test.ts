import { describe, expect, it } from 'vitest';
import { builtinGenerator, classify, generateStore } from './builtin.ts';
import {
  type GeneratedCategory,
  GeneratedStore,
  STORE_TYPES,
  type StoreGenerationInput,
} from './generation.schema.ts';
import { THEMES } from './templates/index.ts';

const bakery: StoreGenerationInput = {
  businessName: 'Sweet Crumbs',
  description: 'a bakery in Pune selling cakes, breads and cookies',
  city: 'Pune',
  currency: 'INR',
  language: 'en',
};

function leafNames(nodes: GeneratedCategory[]): string[] {
  return nodes.flatMap((n) => (n.children.length ? leafNames(n.children) : [n.name]));
}

function allSlugs(nodes: GeneratedCategory[]): string[] {
  return nodes.flatMap((n) => [n.slug, ...allSlugs(n.children)]);
}

function expectSound(store: GeneratedStore) {
  expect(GeneratedStore.safeParse(store).success).toBe(true);
  expect(store.products.length).toBeGreaterThanOrEqual(20);
  expect(store.products.length).toBeLessThanOrEqual(60);
  const slugs = store.products.map((p) => p.slug);
  expect(new Set(slugs).size).toBe(slugs.length);
  const categorySlugs = allSlugs(store.categories);
  expect(new Set(categorySlugs).size).toBe(categorySlugs.length);
  for (const p of store.products)
    for (const v of p.variants) {
      expect(Number.isInteger(v.price)).toBe(true);
      expect(v.price).toBeGreaterThan(0);
    }
}

describe('the built-in store generator', () => {
  it('makes a bakery of cakes, breads and cookies from "a bakery in Pune selling cakes, breads and cookies"', async () => {
    const store = await builtinGenerator.generate(bakery);
    expect(store.storeType).toBe('grocery');
    expect(store.theme).toBe('bakery');
    expect(leafNames(store.categories)).toEqual(expect.arrayContaining(['Cakes', 'Breads', 'Cookies']));
    const about = (slug: string) => store.products.filter((p) => p.categorySlug === slug).length;
    for (const slug of ['cakes', 'breads', 'cookies']) expect(about(slug)).toBeGreaterThanOrEqual(5);
    expect(store.products.map((p) => p.name)).toContain('Chocolate Truffle Cake');
    expect(store.tagline).toContain('Pune');
    expect(store.products[0]!.description).toContain('Sweet Crumbs in Pune');
    expectSound(store);
  });

  it('keeps the categories a description names and leaves out ones it does not need', () => {
    const store = generateStore(bakery);
    expect(leafNames(store.categories)).not.toContain('Savouries');
    const hero = store.sections.find((s) => s.kind === 'categories');
    expect(hero?.kind === 'categories' && hero.categorySlugs.slice(0, 3)).toEqual([
      'cakes',
      'breads',
      'cookies',
    ]);
  });

  it.each([
    ['grocery', 'Fresh vegetables, fruits and daily grocery staples delivered'],
    ['restaurant', 'A family restaurant serving biryani, curries and thalis'],
    ['clinic', 'A dental clinic with two doctors offering consultations'],
    ['fashion', 'A boutique of handloom sarees and cotton kurtas'],
    ['general', 'Mobile phone chargers, headphones and laptop accessories'],
  ] as const)('makes a valid %s store', (storeType, description) => {
    const store = generateStore({ ...bakery, businessName: 'Test Shop', description });
    expect(store.storeType).toBe(storeType);
    expectSound(store);
  });

  it.each([
    ['We roast our own coffee and serve espresso and sandwiches', 'restaurant', 'cafe'],
    ['Chemist shop with medicines, vitamins and baby care', 'clinic', 'pharmacy'],
    ['Sneakers, sandals and formal shoes for men and women', 'fashion', 'footwear'],
    ['Organic farm produce: vegetables, fruits, dal and rice', 'grocery', 'produce'],
    ['Smart home gadgets, smartwatches and earbuds', 'general', 'electronics'],
    ['Handmade gifts, home decor and stationery', 'general', 'gifts'],
    ['We are a small family business', 'general', 'gifts'],
  ] as const)('reads "%s" as %s (%s)', (description, storeType, theme) => {
    expect(classify(description)).toEqual({ storeType, theme });
  });

  it('features products the description names, then the named categories in turn', () => {
    const store = generateStore({ ...bakery, description: 'a bakery selling sourdough, cakes and cookies' });
    const section = store.sections.find((s) => s.kind === 'products');
    expect(section?.kind === 'products' && section.productSlugs.slice(0, 3)).toEqual([
      'sourdough-loaf',
      'chocolate-truffle-cake',
      'chocolate-chip-cookies',
    ]);
  });

  it('takes a given store type over the words, which still choose its theme', () => {
    const words = 'a bakery with cakes and coffee';
    expect(classify(words)).toEqual({ storeType: 'grocery', theme: 'bakery' });
    expect(classify(words, 'restaurant')).toEqual({ storeType: 'restaurant', theme: 'cafe' });
    const store = generateStore({ ...bakery, storeType: 'fashion' });
    expect(store.storeType).toBe('fashion');
    expectSound(store);
  });

  it('prices in whole yen for JPY and in cents for USD', () => {
    const inr = generateStore(bakery);
    const jpy = generateStore({ ...bakery, currency: 'JPY' });
    const usd = generateStore({ ...bakery, currency: 'USD' });
    const truffle = (s: GeneratedStore) => s.products.find((p) => p.slug === 'chocolate-truffle-cake')!.price;
    expect(truffle(inr)).toBe(65_000); // ₹650.00
    expect(truffle(jpy)).toBe(1_140); // ¥1,140: 650 × 1.75, to three significant digits
    expect(truffle(usd)).toBe(735); // $7.35
    expectSound(jpy);
    expectSound(usd);
  });

  it('gives the same store for the same input, and colours from the business name', () => {
    expect(generateStore(bakery)).toEqual(generateStore({ ...bakery }));
    const colours = generateStore(bakery).colours;
    expect(colours.primary).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('makes a valid store of every theme with every category, in every store type', () => {
    for (const theme of THEMES) {
      const store = generateStore({
        ...bakery,
        description: theme.keywords.join(' '),
        storeType: theme.storeType,
      });
      expect(store.theme).toBe(theme.name);
      expectSound(store);
    }
    expect(new Set(THEMES.map((t) => t.storeType))).toEqual(new Set(STORE_TYPES));
  });

  it('rejects an input without a business name or with a malformed currency', () => {
    expect(() => generateStore({ ...bakery, businessName: ' ' })).toThrow();
    expect(() => generateStore({ ...bakery, currency: 'rupees' })).toThrow();
  });

  it('refuses a category slug longer than the catalog keeps (120), which a model might write', () => {
    const store = generateStore(bakery);
    const long = 'a'.repeat(121);
    const tooLong = {
      ...store,
      categories: [{ ...store.categories[0]!, slug: long }, ...store.categories.slice(1)],
    };
    expect(GeneratedStore.safeParse(tooLong).success).toBe(false);
  });
});
