/**
 * The demo catalog: a category tree with filters, brands, specifications, variants, offers from
 * several sellers, images as URLs, prices and stock. Deterministic (a seeded generator) and written
 * in batches of set-based inserts, so 100,000 products take a few minutes and a million works. What
 * it draws from is in `catalog.demo.data.ts`; its SQL in `catalog.seed.repository.ts`.
 */
import { SingleBar } from 'cli-progress';
import { transaction } from '../../platform/db/transaction.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { newId, randomToken } from '../../platform/ids.ts';
import type { DemoAccount } from '../../platform/module.ts';
import type { IdentityService } from '../identity/index.ts';
import { KINDS, type Kind, SELLERS } from './catalog.demo.data.ts';
import { deriveOptions, type ProductOption } from './catalog.options.ts';
import * as repo from './catalog.repository.ts';
import { slugify } from './catalog.rules.ts';
import type { SeedBatch } from './catalog.seed.repository.ts';
import * as seedRepo from './catalog.seed.repository.ts';
import type { CatalogService } from './catalog.service.ts';

/** What seeding needs besides the store's context: the accounts of the sellers and the currency. */
export interface DemoDeps {
  identity: IdentityService;
  service: CatalogService;
}

const BATCH = 1000;
/** From this many products into an empty catalog, seeding takes the bulk path (seedInBulk). */
const BULK_FROM = 20_000;
const BULK_BATCH = 5000;
const EPOCH = Date.UTC(2024, 0, 1);

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const between = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

/** A demo account with a random password that only the returned account carries. */
async function demoAccount(
  ctx: Ctx,
  identity: IdentityService,
  who: { local: string; name: string; role: DemoRole },
): Promise<{ id: string; account: DemoAccount }> {
  for (let attempt = 0; ; attempt++) {
    const email = `${who.local}${attempt ? `+${attempt}` : ''}@demo.bazaar.test`;
    const password = randomToken(18);
    try {
      const user = await identity.createUser(ctx, { email, password, name: who.name }, [who.role]);
      return { id: user.id, account: { email, password, role: who.role } };
    } catch (error) {
      if ((error as { code?: string }).code !== 'email-taken' || attempt > 20) throw error;
    }
  }
}

type DemoRole = 'SELLER' | 'ADMIN' | 'DELIVERY_AGENT';

/**
 * The demo's people: a store administrator (for /admin), a delivery agent (for /agent) and the
 * sellers whose offers fill the catalog (for /seller), each with a random password.
 */
async function ensureDemoAccounts(
  ctx: Ctx,
  identity: IdentityService,
): Promise<{ ids: string[]; accounts: DemoAccount[] }> {
  const staff = [
    await demoAccount(ctx, identity, { local: 'admin', name: 'Demo Administrator', role: 'ADMIN' }),
    await demoAccount(ctx, identity, { local: 'agent', name: 'Demo Delivery Agent', role: 'DELIVERY_AGENT' }),
  ];
  const sellers = [];
  for (const [i, name] of SELLERS.entries())
    sellers.push(await demoAccount(ctx, identity, { local: `seller${i + 1}`, name, role: 'SELLER' }));
  return { ids: sellers.map((s) => s.id), accounts: [...staff, ...sellers].map((s) => s.account) };
}

interface CategoryInfo {
  id: string;
  path: string[];
}

/** Creates the category tree of the demo kinds and the filters of each leaf; returns leaf per kind. */
async function ensureCategories(ctx: Ctx): Promise<CategoryInfo[]> {
  const byPath = new Map<string, CategoryInfo>();
  const existing = await repo.listCategories(ctx.db, ctx.storeId);
  const names = new Map(existing.map((x) => [x.id, x.name]));
  const slugs = new Set(existing.map((x) => x.slug));
  for (const c of existing)
    byPath.set(c.path.map((id) => names.get(id)).join('/'), { id: c.id, path: c.path });
  const leaves: CategoryInfo[] = [];
  for (const [k, kind] of KINDS.entries()) {
    let parent = null as CategoryInfo | null;
    for (let depth = 1; depth <= kind.path.length; depth++) {
      const key = kind.path.slice(0, depth).join('/');
      let found = byPath.get(key);
      if (!found) {
        const id = newId();
        const name = kind.path[depth - 1]!;
        let slug = slugify(name);
        if (slugs.has(slug)) slug = slugify(`${kind.path[depth - 2] ?? ''} ${name}`);
        for (let n = 2; slugs.has(slug); n++) slug = `${slugify(name)}-${n}`;
        slugs.add(slug);
        await repo.insertCategory(ctx.db, {
          id,
          store_id: ctx.storeId,
          parent_id: parent?.id ?? null,
          path: [...(parent?.path ?? []), id],
          slug,
          name,
          description: `${name} at Bazaar.`,
          image_url: `/placeholders/category-${slug}.svg`,
          sort_order: k,
        });
        found = { id, path: [...(parent?.path ?? []), id] };
        byPath.set(key, found);
      }
      parent = found;
    }
    leaves.push(parent!);
    await addFilters(ctx, parent!, kind);
  }
  return leaves;
}

/** A leaf category filters on the kind's specifications that name a filter. */
async function addFilters(ctx: Ctx, leaf: CategoryInfo, kind: Kind) {
  for (const [position, spec] of kind.specs.entries()) {
    if (!spec.filter) continue;
    await seedRepo.addSpecFilter(ctx.db, {
      storeId: ctx.storeId,
      categoryId: leaf.id,
      key: spec.filter.key,
      label: spec.filter.label,
      kind: spec.filter.kind,
      specName: spec.name,
      position,
    });
  }
}

function cartesian(
  options: Record<string, readonly string[]>,
  rand: Rand,
  max: number,
): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const [name, values] of Object.entries(options)) {
    // Each product offers a deterministic subset of each option's values.
    const chosen = values.filter(() => rand() < 0.7);
    const use = chosen.length ? chosen : [values[0]!];
    combos = combos.flatMap((c) => use.map((v) => ({ ...c, [name]: v })));
  }
  return combos.slice(0, max);
}

/** What every batch shares: the store's currency, the leaf category per kind and the sellers. */
interface Shelf {
  storeId: string;
  currency: string;
  leaves: CategoryInfo[];
  sellers: string[];
}

/** The product's own draw: name, features, specifications and base price. */
interface Look {
  i: number;
  kind: Kind;
  brand: string;
  name: string;
  features: string[];
  specs: Array<{ name: string; value: string }>;
  description: string;
  basePrice: number;
  published: Date;
}

/** The offer a product shows in lists: the cheapest sellable one, else the cheapest. */
interface Best {
  id: string;
  price: number;
  compareAt: number | null;
  available: boolean;
}

/**
 * Adds the i-th demo product to the batch. Every value comes from the product's own seeded
 * generator, drawn in a fixed order, so the same number of products is the same catalog anywhere.
 */
function buildProduct(i: number, shelf: Shelf, batch: SeedBatch) {
  const rand = random(i * 2654435761 + 17);
  const k = i % KINDS.length;
  const look = drawLook(i, KINDS[k]!, rand);
  const productId = newId();
  const { best, sellers, options } = addVariants(look, productId, shelf, rand, batch);
  const thumbnail = addImages(look, productId, shelf.storeId, rand, batch);
  look.specs.forEach((s, n) => {
    batch.specs.push({
      product_id: productId,
      name: s.name,
      store_id: shelf.storeId,
      value: s.value,
      position: n,
    });
  });
  batch.products.push(
    productRow(look, productId, shelf, shelf.leaves[k]!, { best, sellers, thumbnail, options }, rand),
  );
}

function drawLook(i: number, kind: Kind, rand: Rand): Look {
  const brand = pick(rand, kind.brands);
  const series = pick(rand, kind.series);
  const model = between(rand, 2, 99);
  const name = `${brand} ${series} ${model} ${kind.noun}`;
  const features = kind.features.filter(() => rand() < 0.6);
  const specs = kind.specs.map((s) => ({ name: s.name, value: pick(rand, s.values) }));
  const description =
    `<p>The ${name} from ${brand} brings ${features.join(', ') || 'everyday quality'} to your ${kind.path.at(-1)!.toLowerCase()}.</p>` +
    `<ul>${specs.map((s) => `<li>${s.name}: ${s.value}</li>`).join('')}</ul>`;
  const basePrice = Math.round(between(rand, kind.price[0], kind.price[1]) / 10) * 10 - 1;
  // Ratings come from published reviews (the reviews module's demo seed writes some). The draws
  // that once made one up stay, so every later draw, and so the catalog, is what it was.
  if (rand() >= 0.1) {
    rand();
    between(rand, 1, 2500);
  }
  const published = new Date(EPOCH + i * 30_000);
  return { i, kind, brand, name, features, specs, description, basePrice, published };
}

/** Up to four variants, each offered by the store and some sellers; returns the best offer. */
function addVariants(look: Look, productId: string, shelf: Shelf, rand: Rand, batch: SeedBatch) {
  let best: Best | null = null;
  const sellers = new Set<string>();
  const combos = cartesian(look.kind.options, rand, 4);
  for (const [v, options] of combos.entries()) {
    const variantId = newId();
    batch.variants.push({
      id: variantId,
      store_id: shelf.storeId,
      product_id: productId,
      sku: `DEMO-${(look.i + 1).toString().padStart(7, '0')}-${v + 1}`,
      barcode: null,
      options,
      position: v,
      weight_grams: null,
    });
    for (const seller of drawSellers([shelf.storeId, ...shelf.sellers], rand)) {
      const offer = drawOffer(look, v, rand);
      const offerId = newId();
      batch.offers.push({
        id: offerId,
        store_id: shelf.storeId,
        product_id: productId,
        variant_id: variantId,
        seller_id: seller,
        seller_product_name: null,
        price_amount: offer.amount,
        compare_at_amount: offer.compareAt,
        currency: shelf.currency,
        reward_percent_bp: null,
        is_available: offer.available,
        available_quantity: offer.quantity,
        rating_avg: 0,
        rating_count: 0,
      });
      sellers.add(seller);
      const sellable = offer.available && offer.quantity > 0;
      best = better(best, {
        id: offerId,
        price: offer.amount,
        compareAt: offer.compareAt,
        available: sellable,
      });
    }
  }
  return { best, sellers, options: deriveOptions(combos) };
}

/** The store itself offers most variants, each other seller about one in four; never nobody. */
function drawSellers(candidates: string[], rand: Rand): string[] {
  const chosen = candidates.filter((_, s) => (s === 0 ? rand() < 0.6 : rand() < 0.25));
  if (chosen.length === 0) chosen.push(pick(rand, candidates));
  return chosen;
}

/** A seller's price for variant `v`: a step up per variant, a little noise, a round amount. */
function drawOffer(look: Look, v: number, rand: Rand) {
  const base = look.basePrice;
  const price = (base + v * Math.round(base * 0.08)) * 100 + Math.round((rand() - 0.5) * base * 5);
  const amount = Math.max(100, Math.round(price / 100) * 100 - 100);
  const compareAt = rand() < 0.4 ? Math.round((amount * (1.1 + rand() * 0.4)) / 100) * 100 : null;
  const available = rand() < 0.9;
  const quantity = available ? between(rand, 0, 200) : 0;
  return { amount, compareAt, available, quantity };
}

function better(best: Best | null, offer: Best): Best {
  if (
    !best ||
    (offer.available && !best.available) ||
    (offer.available === best.available && offer.price < best.price)
  ) {
    return offer;
  }
  return best;
}

/** Two to four pictures; returns the first, the product's thumbnail. */
function addImages(look: Look, productId: string, storeId: string, rand: Rand, batch: SeedBatch): string {
  const urls = Array.from(
    { length: between(rand, 2, 4) },
    (_, n) => `/placeholders/bazaar-${look.i + 1}-${n + 1}.svg`,
  );
  urls.forEach((url, n) => {
    batch.images.push({
      id: newId(),
      store_id: storeId,
      product_id: productId,
      url,
      alt_text: `${look.name}, view ${n + 1}`,
      position: n + 1,
      is_primary: n === 0,
    });
  });
  return urls[0]!;
}

/** The product row, with the browse summary (best offer, stock, sellers) already filled in. */
function productRow(
  look: Look,
  productId: string,
  shelf: Shelf,
  leaf: CategoryInfo,
  summary: { best: Best | null; sellers: Set<string>; thumbnail: string; options: ProductOption[] },
  rand: Rand,
): seedRepo.SeedProduct {
  const { kind, brand, name, features, published } = look;
  const best = summary.best;
  return {
    id: productId,
    store_id: shelf.storeId,
    created_by: shelf.storeId,
    category_id: leaf.id,
    category_path: leaf.path,
    name,
    slug: `${slugify(name, 150)}-${(look.i + 1).toString(36)}`,
    description: look.description,
    short_description: `${features[0] ?? kind.noun} ${kind.noun.toLowerCase()} by ${brand}`,
    brand,
    product_type: kind.noun,
    attributes: { origin: pick(rand, ['India', 'China', 'Vietnam', 'Germany', 'USA']) },
    specs: Object.fromEntries(look.specs.map((s) => [s.name, s.value])),
    tags: [slugify(kind.path.at(-1)!), slugify(brand), ...features.slice(0, 2).map((f) => slugify(f))],
    options: summary.options,
    seo_title: `${name} | Bazaar`,
    seo_description: `Buy the ${name} online at the best price.`,
    status: 'ACTIVE',
    published_at: published,
    weight_grams: between(rand, kind.grams[0], kind.grams[1]),
    thumbnail_url: summary.thumbnail,
    reward_percent_bp: between(rand, 0, 4) * 100,
    rating_avg: 0,
    rating_count: 0,
    currency: shelf.currency,
    best_price_amount: best?.price ?? null,
    best_compare_at_amount: best?.compareAt ?? null,
    best_offer_id: best?.id ?? null,
    in_stock: best?.available ?? false,
    seller_ids: [...summary.sellers].sort(),
    generated: false,
    created_at: published,
  };
}

function emptyBatch(): SeedBatch {
  return { products: [], variants: [], offers: [], images: [], specs: [] };
}

function buildBatch(shelf: Shelf, start: number, end: number): SeedBatch {
  const batch = emptyBatch();
  for (let i = start; i < end; i++) buildProduct(i, shelf, batch);
  return batch;
}

/**
 * The bulk path, for a large catalog into a database with no products: one transaction that drops
 * the seeded tables' secondary indexes (GIN and b-tree), inserts every batch, and builds the
 * indexes again in one pass each, which is several times faster than maintaining them row by row.
 * The products' facet counts are added per batch by one GROUP BY. A failure rolls it all back,
 * indexes included; other sessions wait on the tables meanwhile (a seed runs before serving).
 */
async function seedInBulk(ctx: Ctx, shelf: Shelf, products: number, onBatch: (end: number) => void) {
  const started = performance.now();
  await transaction(ctx.db, async (trx) => {
    const aids = await seedRepo.dropLoadAids(trx);
    // The next batch is drawn while the database writes this one.
    let writing: Promise<void> = Promise.resolve();
    for (let start = 0; start < products; start += BULK_BATCH) {
      const batch = await buildBatchYielding(shelf, start, Math.min(products, start + BULK_BATCH));
      await writing;
      writing = seedRepo.insertBatch(trx, batch).then(() => onBatch(start + batch.products.length));
    }
    await writing;
    const loaded = performance.now();
    await seedRepo.restoreLoadAids(trx, aids);
    ctx.log.info(
      { products, loadMs: Math.round(loaded - started), indexMs: Math.round(performance.now() - loaded) },
      'demo catalog loaded in bulk',
    );
  });
}

/** buildBatch, letting the event loop (the driver sending the previous batch) run every 100 products. */
async function buildBatchYielding(shelf: Shelf, start: number, end: number): Promise<SeedBatch> {
  const batch = emptyBatch();
  for (let i = start; i < end; i++) {
    buildProduct(i, shelf, batch);
    if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
  }
  return batch;
}

/**
 * Seeds the demo catalog into a store that has no products yet; a store with products is left alone.
 * Returns the seller accounts it made, with their passwords (known only here).
 */
export async function seedDemoCatalog(
  ctx: Ctx,
  deps: DemoDeps,
  options: { products: number; progress: boolean; bulk?: boolean },
): Promise<DemoAccount[]> {
  if (await repo.anyProducts(ctx.db, ctx.storeId)) {
    ctx.log.info('catalog already has products; demo seed skipped');
    return [];
  }
  const started = performance.now();
  const currency = await deps.service.currency(ctx);
  const { ids: sellers, accounts } = await ensureDemoAccounts(ctx, deps.identity);
  const shelf: Shelf = { storeId: ctx.storeId, currency, leaves: await ensureCategories(ctx), sellers };
  const bar = options.progress
    ? new SingleBar({
        format: 'demo catalog |{bar}| {value}/{total} products  {eta_formatted} left',
        hideCursor: true,
      })
    : null;
  bar?.start(options.products, 0);
  const bulk = options.bulk ?? (options.products >= BULK_FROM && (await seedRepo.catalogEmpty(ctx.db)));
  const onBatch = (end: number) => bar?.update(end);
  if (bulk) await seedInBulk(ctx, shelf, options.products, onBatch);
  else {
    for (let start = 0; start < options.products; start += BATCH) {
      const batch = buildBatch(shelf, start, Math.min(options.products, start + BATCH));
      await transaction(ctx.db, (trx) => seedRepo.insertBatch(trx, batch));
      onBatch(start + batch.products.length);
    }
  }
  bar?.stop();
  deps.service.cache.bump(ctx.storeId);
  await seedRepo.analyzeCatalog(ctx.db);
  ctx.log.info(
    { products: options.products, ms: Math.round(performance.now() - started) },
    'demo catalog seeded',
  );
  return accounts;
}
