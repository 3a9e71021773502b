/**
 * The demo catalog: a category tree with filters, brands, specifications, variants, offers from
 * several sellers, images as URLs, prices and stock. Deterministic (a seeded generator) and written
 * in batches of set-based inserts, so 100,000 products take a few minutes and a million works.
 */
import { SingleBar } from 'cli-progress';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { newId, randomToken } from '../../platform/ids.ts';
import type { DemoAccount } from '../../platform/module.ts';
import type { Logger } from '../../platform/observability/logger.ts';
import type { IdentityService } from '../identity/index.ts';
import { catalogCache } from './catalog.cache.ts';
import * as repo from './catalog.repository.ts';
import { type CatalogService, slugify } from './catalog.service.ts';

export interface DemoContext {
  db: Db;
  storeId: string;
  identity: IdentityService;
  log: Logger;
  service: CatalogService;
}

const BATCH = 1000;
const SELLERS = ['Aarav Traders', 'Meera Retail', 'Kiran Electronics', 'Vista Lifestyle', 'Nilgiri Goods'];
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

interface SpecDef {
  name: string;
  values: readonly string[];
  filter?: { key: string; label: string; kind: 'ENUM' | 'RANGE' | 'BOOLEAN' };
}

interface Kind {
  path: readonly string[];
  noun: string;
  brands: readonly string[];
  series: readonly string[];
  /** Price range in major units. */
  price: readonly [number, number];
  options: Record<string, readonly string[]>;
  specs: readonly SpecDef[];
  features: readonly string[];
  grams: readonly [number, number];
}

const RAM: SpecDef = {
  name: 'RAM',
  values: ['4 GB', '6 GB', '8 GB', '12 GB', '16 GB'],
  filter: { key: 'ram', label: 'RAM', kind: 'ENUM' },
};
const KINDS: readonly Kind[] = [
  {
    path: ['Electronics', 'Mobiles', 'Smartphones'],
    noun: 'Smartphone',
    brands: ['Apple', 'Samsung', 'OnePlus', 'Xiaomi', 'Nokia', 'Motorola', 'Realme'],
    series: ['Nova', 'Galaxy', 'Edge', 'Note', 'Pro', 'Lite', 'Max', 'Neo'],
    price: [6999, 149999],
    options: { Storage: ['128 GB', '256 GB', '512 GB'], Colour: ['Black', 'Blue', 'Silver', 'Green'] },
    specs: [
      RAM,
      {
        name: 'Screen size',
        values: ['6.1', '6.4', '6.7', '6.8'],
        filter: { key: 'screen', label: 'Screen size (in)', kind: 'RANGE' },
      },
      { name: '5G', values: ['true', 'false'], filter: { key: '5g', label: '5G', kind: 'BOOLEAN' } },
      { name: 'Battery', values: ['4000 mAh', '4500 mAh', '5000 mAh', '6000 mAh'] },
    ],
    features: ['AMOLED display', 'fast charging', 'triple camera', 'all-day battery', 'water resistance'],
    grams: [160, 230],
  },
  {
    path: ['Electronics', 'Mobiles', 'Feature Phones'],
    noun: 'Feature Phone',
    brands: ['Nokia', 'Lava', 'Itel', 'Jio'],
    series: ['Classic', 'Bold', 'Prime', 'Star'],
    price: [999, 4999],
    options: { Colour: ['Black', 'Red', 'Blue'] },
    specs: [{ name: 'Battery', values: ['1000 mAh', '1500 mAh', '2000 mAh'] }],
    features: ['long standby', 'FM radio', 'torch', 'dual SIM'],
    grams: [70, 120],
  },
  {
    path: ['Electronics', 'Laptops'],
    noun: 'Laptop',
    brands: ['Apple', 'Dell', 'HP', 'Lenovo', 'Asus', 'Acer'],
    series: ['Book', 'Inspire', 'Pavilion', 'ThinkPad', 'Zen', 'Swift', 'Aspire'],
    price: [29999, 249999],
    options: { Memory: ['8 GB', '16 GB', '32 GB'] },
    specs: [
      {
        name: 'Processor',
        values: ['Core i5', 'Core i7', 'Ryzen 5', 'Ryzen 7', 'M3'],
        filter: { key: 'processor', label: 'Processor', kind: 'ENUM' },
      },
      {
        name: 'Screen size',
        values: ['13.3', '14', '15.6', '16'],
        filter: { key: 'screen', label: 'Screen size (in)', kind: 'RANGE' },
      },
      { name: 'SSD', values: ['256 GB', '512 GB', '1 TB'] },
    ],
    features: ['backlit keyboard', 'thin and light', 'fingerprint reader', 'long battery life'],
    grams: [1100, 2400],
  },
  {
    path: ['Electronics', 'Audio', 'Headphones'],
    noun: 'Headphones',
    brands: ['Sony', 'Bose', 'JBL', 'boAt', 'Sennheiser', 'Skullcandy'],
    series: ['Wave', 'Quiet', 'Bass', 'Air', 'Studio'],
    price: [799, 34999],
    options: { Colour: ['Black', 'White', 'Blue'] },
    specs: [
      {
        name: 'Type',
        values: ['Over-ear', 'On-ear', 'In-ear'],
        filter: { key: 'type', label: 'Type', kind: 'ENUM' },
      },
      {
        name: 'Wireless',
        values: ['true', 'false'],
        filter: { key: 'wireless', label: 'Wireless', kind: 'BOOLEAN' },
      },
      { name: 'Noise cancelling', values: ['true', 'false'] },
    ],
    features: ['active noise cancelling', 'deep bass', '30-hour battery', 'comfortable fit'],
    grams: [20, 320],
  },
  {
    path: ['Electronics', 'Audio', 'Speakers'],
    noun: 'Bluetooth Speaker',
    brands: ['JBL', 'Sony', 'boAt', 'Marshall', 'Bose'],
    series: ['Go', 'Flip', 'Boom', 'Party', 'Mini'],
    price: [999, 29999],
    options: { Colour: ['Black', 'Red', 'Teal'] },
    specs: [
      {
        name: 'Output',
        values: ['5 W', '10 W', '20 W', '40 W'],
        filter: { key: 'output', label: 'Output', kind: 'ENUM' },
      },
    ],
    features: ['waterproof', 'party lights', 'stereo pairing', 'rich sound'],
    grams: [200, 1500],
  },
  {
    path: ['Electronics', 'Cameras'],
    noun: 'Camera',
    brands: ['Canon', 'Nikon', 'Sony', 'Fujifilm'],
    series: ['EOS', 'Z', 'Alpha', 'X'],
    price: [24999, 299999],
    options: { Kit: ['Body only', 'With 18-55 mm lens'] },
    specs: [
      {
        name: 'Megapixels',
        values: ['24', '26', '33', '45'],
        filter: { key: 'megapixels', label: 'Megapixels', kind: 'RANGE' },
      },
    ],
    features: ['4K video', 'fast autofocus', 'image stabilisation', 'weather sealing'],
    grams: [400, 900],
  },
  {
    path: ['Fashion', 'Men', 'T-Shirts'],
    noun: 'T-Shirt',
    brands: ['Roadster', 'H&M', 'Levis', 'Puma', 'Nike', 'Allen Solly'],
    series: ['Classic', 'Essential', 'Graphic', 'Slim Fit', 'Oversized'],
    price: [299, 2499],
    options: { Size: ['S', 'M', 'L', 'XL'], Colour: ['Black', 'White', 'Navy', 'Olive'] },
    specs: [
      {
        name: 'Material',
        values: ['Cotton', 'Polyester', 'Linen', 'Cotton blend'],
        filter: { key: 'material', label: 'Material', kind: 'ENUM' },
      },
    ],
    features: ['breathable fabric', 'regular fit', 'machine washable', 'soft touch'],
    grams: [150, 250],
  },
  {
    path: ['Fashion', 'Men', 'Shoes'],
    noun: 'Running Shoes',
    brands: ['Nike', 'Adidas', 'Puma', 'Asics', 'Skechers', 'Bata'],
    series: ['Trail', 'Run', 'Flex', 'Glide', 'Pace'],
    price: [999, 14999],
    options: { Size: ['7', '8', '9', '10', '11'] },
    specs: [
      {
        name: 'Material',
        values: ['Mesh', 'Leather', 'Synthetic'],
        filter: { key: 'material', label: 'Material', kind: 'ENUM' },
      },
    ],
    features: ['cushioned sole', 'lightweight', 'breathable mesh', 'trail grip'],
    grams: [250, 400],
  },
  {
    path: ['Fashion', 'Women', 'Dresses'],
    noun: 'Dress',
    brands: ['Zara', 'H&M', 'Biba', 'W', 'Only'],
    series: ['Maxi', 'Midi', 'Wrap', 'A-Line', 'Floral'],
    price: [599, 5999],
    options: { Size: ['XS', 'S', 'M', 'L'], Colour: ['Red', 'Black', 'Yellow'] },
    specs: [
      {
        name: 'Material',
        values: ['Cotton', 'Rayon', 'Georgette', 'Linen'],
        filter: { key: 'material', label: 'Material', kind: 'ENUM' },
      },
    ],
    features: ['flowy fit', 'printed pattern', 'side pockets', 'easy care'],
    grams: [200, 400],
  },
  {
    path: ['Fashion', 'Accessories', 'Watches'],
    noun: 'Watch',
    brands: ['Titan', 'Fossil', 'Casio', 'Fastrack', 'Timex'],
    series: ['Edge', 'Classic', 'Sport', 'Chrono'],
    price: [999, 24999],
    options: { Strap: ['Leather', 'Metal', 'Silicone'] },
    specs: [
      {
        name: 'Water resistant',
        values: ['true', 'false'],
        filter: { key: 'water-resistant', label: 'Water resistant', kind: 'BOOLEAN' },
      },
    ],
    features: ['analog dial', 'date display', 'scratch resistant glass', 'luminous hands'],
    grams: [40, 150],
  },
  {
    path: ['Home & Kitchen', 'Cookware'],
    noun: 'Cookware Set',
    brands: ['Prestige', 'Hawkins', 'Pigeon', 'Meyer'],
    series: ['Omega', 'Futura', 'Classic', 'Deluxe'],
    price: [699, 9999],
    options: { Pieces: ['3', '5', '7'] },
    specs: [
      {
        name: 'Material',
        values: ['Aluminium', 'Stainless steel', 'Cast iron'],
        filter: { key: 'material', label: 'Material', kind: 'ENUM' },
      },
    ],
    features: ['non-stick coating', 'induction compatible', 'cool-touch handles', 'dishwasher safe'],
    grams: [800, 5000],
  },
  {
    path: ['Home & Kitchen', 'Appliances'],
    noun: 'Mixer Grinder',
    brands: ['Philips', 'Bajaj', 'Prestige', 'Usha', 'Havells'],
    series: ['Turbo', 'Power', 'Smart', 'Eco'],
    price: [1999, 12999],
    options: { Jars: ['2', '3', '4'] },
    specs: [
      {
        name: 'Power',
        values: ['500', '750', '1000'],
        filter: { key: 'power', label: 'Power (W)', kind: 'RANGE' },
      },
    ],
    features: ['overload protection', 'stainless steel blades', 'multiple speeds', 'compact design'],
    grams: [2000, 4500],
  },
  {
    path: ['Home & Kitchen', 'Furniture'],
    noun: 'Office Chair',
    brands: ['Green Soul', 'Featherlite', 'Godrej', 'Nilkamal'],
    series: ['Ergo', 'Comfort', 'Executive', 'Mesh'],
    price: [3999, 29999],
    options: { Colour: ['Black', 'Grey'] },
    specs: [
      {
        name: 'Adjustable',
        values: ['true', 'false'],
        filter: { key: 'adjustable', label: 'Adjustable', kind: 'BOOLEAN' },
      },
    ],
    features: ['lumbar support', 'adjustable height', 'breathable mesh back', '360° swivel'],
    grams: [9000, 18000],
  },
  {
    path: ['Books', 'Fiction'],
    noun: 'Novel',
    brands: ['Penguin', 'HarperCollins', 'Rupa', 'Hachette'],
    series: ['The Silent', 'A River', 'Midnight', 'The Last', 'Beyond the'],
    price: [199, 999],
    options: { Format: ['Paperback', 'Hardcover'] },
    specs: [
      {
        name: 'Language',
        values: ['English', 'Hindi', 'Tamil'],
        filter: { key: 'language', label: 'Language', kind: 'ENUM' },
      },
    ],
    features: ['bestselling author', 'award winning', 'page-turner', 'new edition'],
    grams: [200, 700],
  },
  {
    path: ['Sports', 'Fitness'],
    noun: 'Yoga Mat',
    brands: ['Decathlon', 'Boldfit', 'Strauss', 'Nivia'],
    series: ['Flow', 'Grip', 'Balance', 'Pro'],
    price: [399, 3999],
    options: { Thickness: ['4 mm', '6 mm', '8 mm'], Colour: ['Purple', 'Blue', 'Black'] },
    specs: [
      {
        name: 'Material',
        values: ['TPE', 'PVC', 'Rubber', 'NBR'],
        filter: { key: 'material', label: 'Material', kind: 'ENUM' },
      },
    ],
    features: ['anti-slip surface', 'carry strap', 'extra cushioning', 'eco friendly'],
    grams: [600, 2000],
  },
  {
    path: ['Beauty', 'Skincare'],
    noun: 'Face Serum',
    brands: ['Minimalist', 'Lakme', 'Mamaearth', 'Plum', 'The Derma Co'],
    series: ['Vitamin C', 'Niacinamide', 'Hyaluronic', 'Retinol'],
    price: [299, 1999],
    options: { Size: ['30 ml', '50 ml'] },
    specs: [
      {
        name: 'Skin type',
        values: ['All', 'Oily', 'Dry', 'Sensitive'],
        filter: { key: 'skin-type', label: 'Skin type', kind: 'ENUM' },
      },
    ],
    features: ['fragrance free', 'dermatologically tested', 'lightweight', 'fast absorbing'],
    grams: [50, 150],
  },
];

interface Batch {
  products: unknown[][];
  variants: unknown[][];
  offers: unknown[][];
  images: unknown[][];
  specs: unknown[][];
}

const arrayLiteral = (values: string[]) =>
  `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;

/** One INSERT … SELECT FROM unnest(…) per table and batch: a column per array parameter. */
async function bulkInsert(db: Db, table: string, columns: Array<[string, string]>, rows: unknown[][]) {
  if (rows.length === 0) return;
  const arrays = columns.map((_, i) => rows.map((r) => r[i] ?? null));
  const params = columns.map(([, type], i) => {
    const base = type.endsWith('[]') || type === 'jsonb' ? 'text' : type;
    return sql`${arrays[i]}::${sql.raw(base)}[]`;
  });
  const names = columns.map(([name]) => sql.ref(name));
  const selects = columns.map(([name, type]) =>
    type.endsWith('[]') || type === 'jsonb' ? sql`${sql.ref(name)}::${sql.raw(type)}` : sql.ref(name),
  );
  await sql`
    INSERT INTO ${sql.table(table)} (${sql.join(names)})
    SELECT ${sql.join(selects)} FROM unnest(${sql.join(params)}) AS u(${sql.join(names)})
  `.execute(db);
}

/** Creates the demo sellers, each with a random password that only the returned accounts carry. */
async function ensureSellers(ctx: DemoContext): Promise<{ ids: string[]; accounts: DemoAccount[] }> {
  const ids: string[] = [];
  const accounts: DemoAccount[] = [];
  for (const [i, name] of SELLERS.entries()) {
    for (let attempt = 0; ; attempt++) {
      const email = `seller${i + 1}${attempt ? `+${attempt}` : ''}@demo.bazaar.test`;
      const password = randomToken(18);
      try {
        const user = await ctx.identity.createUser(ctx.db, ctx.storeId, { email, password, name }, [
          'SELLER',
        ]);
        ids.push(user.id);
        accounts.push({ email, password });
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'email-taken' || attempt > 20) throw error;
      }
    }
  }
  return { ids, accounts };
}

interface CategoryInfo {
  id: string;
  path: string[];
}

/** Creates the category tree of the demo kinds and the filters of each leaf; returns leaf per kind. */
async function ensureCategories(ctx: DemoContext): Promise<CategoryInfo[]> {
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
          image_url: `https://picsum.photos/seed/category-${slug}/600/400`,
          sort_order: k,
        });
        found = { id, path: [...(parent?.path ?? []), id] };
        byPath.set(key, found);
      }
      parent = found;
    }
    leaves.push(parent!);
    for (const [position, spec] of kind.specs.entries()) {
      if (!spec.filter) continue;
      await sql`
        INSERT INTO category_filters (id, store_id, category_id, key, label, kind, source, source_key, position)
        VALUES (${newId()}, ${ctx.storeId}, ${parent!.id}, ${spec.filter.key}, ${spec.filter.label},
                ${spec.filter.kind}, 'SPEC', ${spec.name}, ${position})
        ON CONFLICT (category_id, key) DO NOTHING
      `.execute(ctx.db);
    }
  }
  return leaves;
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

function buildProduct(
  i: number,
  ctx: DemoContext,
  currency: string,
  leaves: CategoryInfo[],
  sellers: string[],
  batch: Batch,
) {
  const rand = random(i * 2654435761 + 17);
  const k = i % KINDS.length;
  const kind = KINDS[k]!;
  const leaf = leaves[k]!;
  const brand = pick(rand, kind.brands);
  const series = pick(rand, kind.series);
  const model = between(rand, 2, 99);
  const name = `${brand} ${series} ${model} ${kind.noun}`;
  const slug = `${slugify(name, 150)}-${(i + 1).toString(36)}`;
  const features = kind.features.filter(() => rand() < 0.6);
  const specs = kind.specs.map((s) => ({ name: s.name, value: pick(rand, s.values) }));
  const description =
    `<p>The ${name} from ${brand} brings ${features.join(', ') || 'everyday quality'} to your ${kind.path.at(-1)!.toLowerCase()}.</p>` +
    `<ul>${specs.map((s) => `<li>${s.name}: ${s.value}</li>`).join('')}</ul>`;
  const basePrice = Math.round(between(rand, kind.price[0], kind.price[1]) / 10) * 10 - 1;
  const rating = rand() < 0.1 ? 0 : Math.round((3 + rand() * 2) * 100) / 100;
  const ratingCount = rating === 0 ? 0 : between(rand, 1, 2500);
  const published = new Date(EPOCH + i * 30_000);
  const productId = newId();
  const combos = cartesian(kind.options, rand, 4);
  let best: { id: string; price: number; compareAt: number | null; available: boolean } | null = null;
  const productSellers = new Set<string>();
  combos.forEach((options, v) => {
    const variantId = newId();
    batch.variants.push([
      variantId,
      ctx.storeId,
      productId,
      `DEMO-${(i + 1).toString().padStart(7, '0')}-${v + 1}`,
      null,
      JSON.stringify(options),
      v,
      null,
    ]);
    const offerSellers = [ctx.storeId, ...sellers].filter((_, s) => (s === 0 ? rand() < 0.6 : rand() < 0.25));
    if (offerSellers.length === 0) offerSellers.push(pick(rand, [ctx.storeId, ...sellers]));
    for (const seller of offerSellers) {
      const price =
        (basePrice + v * Math.round(basePrice * 0.08)) * 100 + Math.round((rand() - 0.5) * basePrice * 5);
      const amount = Math.max(100, Math.round(price / 100) * 100 - 100);
      const compareAt = rand() < 0.4 ? Math.round((amount * (1.1 + rand() * 0.4)) / 100) * 100 : null;
      const available = rand() < 0.9;
      const quantity = available ? between(rand, 0, 200) : 0;
      const offerId = newId();
      batch.offers.push([
        offerId,
        ctx.storeId,
        productId,
        variantId,
        seller,
        null,
        amount,
        compareAt,
        currency,
        null,
        available,
        quantity,
        rating,
        ratingCount,
      ]);
      productSellers.add(seller);
      const sellable = available && quantity > 0;
      if (!best || (sellable && !best.available) || (sellable === best.available && amount < best.price)) {
        best = { id: offerId, price: amount, compareAt, available: sellable };
      }
    }
  });
  const images = Array.from({ length: between(rand, 2, 4) }, (_, n) => ({
    url: `https://picsum.photos/seed/bazaar-${i + 1}-${n + 1}/800/800`,
    alt: `${name}, view ${n + 1}`,
  }));
  images.forEach((img, n) => {
    batch.images.push([newId(), ctx.storeId, productId, img.url, img.alt, n + 1, n === 0]);
  });
  specs.forEach((s, n) => {
    batch.specs.push([productId, s.name, ctx.storeId, s.value, n]);
  });
  const chosen = best as { id: string; price: number; compareAt: number | null; available: boolean } | null;
  batch.products.push([
    productId,
    ctx.storeId,
    ctx.storeId,
    leaf.id,
    arrayLiteral(leaf.path),
    name,
    slug,
    description,
    `${features[0] ?? kind.noun} ${kind.noun.toLowerCase()} by ${brand}`,
    brand,
    kind.noun,
    JSON.stringify({ origin: pick(rand, ['India', 'China', 'Vietnam', 'Germany', 'USA']) }),
    JSON.stringify(Object.fromEntries(specs.map((s) => [s.name, s.value]))),
    arrayLiteral([
      slugify(kind.path.at(-1)!),
      slugify(brand),
      ...features.slice(0, 2).map((f) => slugify(f)),
    ]),
    `${name} | Bazaar`,
    `Buy the ${name} online at the best price.`,
    'ACTIVE',
    published,
    between(rand, kind.grams[0], kind.grams[1]),
    images[0]!.url,
    between(rand, 0, 4) * 100,
    rating,
    ratingCount,
    currency,
    chosen?.price ?? null,
    chosen?.compareAt ?? null,
    chosen?.id ?? null,
    chosen?.available ?? false,
    arrayLiteral([...productSellers].sort()),
    published,
  ]);
}

async function writeBatch(db: Db, batch: Batch) {
  await transaction(db, async (trx) => {
    await bulkInsert(
      trx,
      'products',
      [
        ['id', 'uuid'],
        ['store_id', 'uuid'],
        ['created_by', 'uuid'],
        ['category_id', 'uuid'],
        ['category_path', 'uuid[]'],
        ['name', 'text'],
        ['slug', 'text'],
        ['description', 'text'],
        ['short_description', 'text'],
        ['brand', 'text'],
        ['product_type', 'text'],
        ['attributes', 'jsonb'],
        ['specs', 'jsonb'],
        ['tags', 'text[]'],
        ['seo_title', 'text'],
        ['seo_description', 'text'],
        ['status', 'text'],
        ['published_at', 'timestamptz'],
        ['weight_grams', 'int4'],
        ['thumbnail_url', 'text'],
        ['reward_percent_bp', 'int4'],
        ['rating_avg', 'numeric'],
        ['rating_count', 'int4'],
        ['currency', 'text'],
        ['best_price_amount', 'int8'],
        ['best_compare_at_amount', 'int8'],
        ['best_offer_id', 'uuid'],
        ['in_stock', 'bool'],
        ['seller_ids', 'uuid[]'],
        ['created_at', 'timestamptz'],
      ],
      batch.products,
    );
    await bulkInsert(
      trx,
      'variants',
      [
        ['id', 'uuid'],
        ['store_id', 'uuid'],
        ['product_id', 'uuid'],
        ['sku', 'text'],
        ['barcode', 'text'],
        ['options', 'jsonb'],
        ['position', 'int4'],
        ['weight_grams', 'int4'],
      ],
      batch.variants,
    );
    await bulkInsert(
      trx,
      'offers',
      [
        ['id', 'uuid'],
        ['store_id', 'uuid'],
        ['product_id', 'uuid'],
        ['variant_id', 'uuid'],
        ['seller_id', 'uuid'],
        ['seller_product_name', 'text'],
        ['price_amount', 'int8'],
        ['compare_at_amount', 'int8'],
        ['currency', 'text'],
        ['reward_percent_bp', 'int4'],
        ['is_available', 'bool'],
        ['available_quantity', 'int4'],
        ['rating_avg', 'numeric'],
        ['rating_count', 'int4'],
      ],
      batch.offers,
    );
    await bulkInsert(
      trx,
      'product_images',
      [
        ['id', 'uuid'],
        ['store_id', 'uuid'],
        ['product_id', 'uuid'],
        ['url', 'text'],
        ['alt_text', 'text'],
        ['position', 'int4'],
        ['is_primary', 'bool'],
      ],
      batch.images,
    );
    await bulkInsert(
      trx,
      'product_specs',
      [
        ['product_id', 'uuid'],
        ['name', 'text'],
        ['store_id', 'uuid'],
        ['value', 'text'],
        ['position', 'int4'],
      ],
      batch.specs,
    );
  });
}

/**
 * Seeds the demo catalog into a store that has no products yet; a store with products is left alone.
 * Returns the seller accounts it made, with their passwords (known only here).
 */
export async function seedDemoCatalog(
  ctx: DemoContext,
  options: { products: number; progress: boolean },
): Promise<DemoAccount[]> {
  if (await repo.anyProducts(ctx.db, ctx.storeId)) {
    ctx.log.info('catalog already has products; demo seed skipped');
    return [];
  }
  const started = performance.now();
  const currency = await ctx.service.currency(ctx.db, ctx.storeId);
  const { ids: sellers, accounts } = await ensureSellers(ctx);
  const leaves = await ensureCategories(ctx);
  const bar = options.progress
    ? new SingleBar({
        format: 'demo catalog |{bar}| {value}/{total} products  {eta_formatted} left',
        hideCursor: true,
      })
    : null;
  bar?.start(options.products, 0);
  for (let start = 0; start < options.products; start += BATCH) {
    const batch: Batch = { products: [], variants: [], offers: [], images: [], specs: [] };
    const end = Math.min(options.products, start + BATCH);
    for (let i = start; i < end; i++) buildProduct(i, ctx, currency, leaves, sellers, batch);
    await writeBatch(ctx.db, batch);
    bar?.update(end);
  }
  bar?.stop();
  catalogCache.bump(ctx.storeId);
  // Fresh statistics and visibility map, so the first queries on the new catalog already get
  // index (and index-only) plans rather than waiting for autovacuum.
  await sql`VACUUM (ANALYZE) categories, products, variants, offers, product_images, product_specs`.execute(
    ctx.db,
  );
  ctx.log.info(
    { products: options.products, ms: Math.round(performance.now() - started) },
    'demo catalog seeded',
  );
  return accounts;
}
