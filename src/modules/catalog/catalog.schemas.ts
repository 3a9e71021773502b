import { z } from 'zod';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Id, MAX_AMOUNT, MoneyInput, MoneyView, Text as RequiredText } from '../../platform/schemas.ts';
import { MAX_OPTION_VALUES, MAX_OPTIONS } from './catalog.options.ts';

export const PRODUCT_STATUSES = ['DRAFT', 'ACTIVE', 'INACTIVE', 'ARCHIVED'] as const;
export const SORTS = ['relevance', 'price_asc', 'price_desc', 'rating', 'newest'] as const;
export type Sort = (typeof SORTS)[number];
export const FILTER_KINDS = ['ENUM', 'RANGE', 'BOOLEAN'] as const;
export const FILTER_SOURCES = ['SPEC', 'ATTRIBUTE'] as const;

export const Slug = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single dashes.');
export const Ref = z.string().min(1).max(200);
/** Optional free text: the shared Text, except that an empty (or all-blank) value is kept as ''. */
const Text = (max: number) =>
  z
    .string()
    .trim()
    .pipe(z.union([z.literal(''), RequiredText(max)]));
const ProductName = z.string().trim().min(1).max(300);
const Url = z.url({ protocol: /^https?$/ }).max(2000);

export const Money = MoneyInput;
export type { MoneyInput };

const OptionName = z.string().trim().min(1).max(50);
const OptionValue = z.string().trim().min(1).max(100);
/** A variant's value of each option. Up to 5 keys: what products written before `options` may hold. */
const Options = z
  .record(OptionName, OptionValue)
  .refine((o) => Object.keys(o).length <= 5, 'At most 5 options.');
/** The product's options in the merchant's order, each with its values in order. */
const ProductOptions = z
  .array(
    z.object({
      name: OptionName,
      values: z
        .array(OptionValue)
        .max(MAX_OPTION_VALUES)
        .refine((v) => new Set(v).size === v.length, 'Values of an option must be unique.'),
    }),
  )
  .max(MAX_OPTIONS)
  .refine((o) => new Set(o.map((x) => x.name)).size === o.length, 'Option names must be unique.');
export const WEIGHT_UNITS = ['g', 'kg', 'lb', 'oz'] as const;
export type WeightUnit = (typeof WEIGHT_UNITS)[number];
const Attributes = z
  .record(z.string().trim().min(1).max(100), z.union([z.string().max(1000), z.number(), z.boolean()]))
  .refine((o) => Object.keys(o).length <= 100, 'At most 100 attributes.');
const Sku = z.string().trim().min(1).max(100);
const Quantity = z.number().int().min(0).max(1_000_000_000);
const Bp = z.number().int().min(0).max(10_000);

const Spec = z.object({ name: z.string().trim().min(1).max(100), value: z.string().trim().min(1).max(500) });
const Specs = z
  .array(Spec)
  .max(100)
  .refine((s) => new Set(s.map((x) => x.name)).size === s.length, 'Specification names must be unique.');
/** An uploaded image's own address (`/api/v1/media/<name>`), as the product view shows it. */
const MediaPath = z.string().regex(/^\/api\/v1\/media\/[0-9a-f]{64}\.(jpg|png|webp|avif)$/);
const ImageInput = z.object({
  url: z.union([Url, MediaPath]),
  altText: Text(500).optional(),
  primary: z.boolean().optional(),
});
/** The most images a product shows. */
export const MAX_PRODUCT_IMAGES = 50;
const Images = z
  .array(ImageInput)
  .max(MAX_PRODUCT_IMAGES)
  .refine((i) => i.filter((x) => x.primary).length <= 1, 'At most one primary image.');
const DimensionsSchema = z.object({
  length: z.number().min(0).max(100_000),
  width: z.number().min(0).max(100_000),
  height: z.number().min(0).max(100_000),
  unit: z.enum(['mm', 'cm', 'm', 'in']),
});
export type Dimensions = z.infer<typeof DimensionsSchema>;

export const VariantInput = z.object({
  sku: Sku,
  options: Options.optional(),
  barcode: Text(100).optional(),
  price: Money,
  compareAtPrice: Money.optional(),
  stock: Quantity.optional(),
  weightGrams: z.number().int().min(0).max(10_000_000).optional(),
  /** The unit the weight is shown in; the weight itself is always grams. */
  weightUnit: z.enum(WEIGHT_UNITS).optional(),
});
export type VariantInputT = z.infer<typeof VariantInput>;

const ProductFields = {
  slug: Slug.optional(),
  description: z.string().max(100_000).optional(),
  shortDescription: Text(1000).optional(),
  brand: z.string().trim().min(1).max(120).optional(),
  productType: Text(120).optional(),
  categorySlug: Ref.optional(),
  attributes: Attributes.optional(),
  tags: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  seoTitle: Text(300).optional(),
  seoDescription: Text(1000).optional(),
  isDigital: z.boolean().optional(),
  requiresShipping: z.boolean().optional(),
  weightGrams: z.number().int().min(0).max(10_000_000).optional(),
  dimensions: DimensionsSchema.optional(),
  rewardPercentBp: Bp.optional(),
  specs: Specs.optional(),
  images: Images.optional(),
};

export const CreateProductBody = z.object({
  name: ProductName,
  ...ProductFields,
  status: z.enum(['DRAFT', 'ACTIVE']).optional(),
  /** Left out: the options in the order the variants first name them. */
  options: ProductOptions.optional(),
  variants: z.array(VariantInput).min(1).max(100),
});
export type CreateProductInput = z.infer<typeof CreateProductBody>;

const nullable = <T extends z.ZodType>(s: T) => s.nullable().optional();
export const UpdateProductBody = z.object({
  name: ProductName.optional(),
  slug: Slug.optional(),
  description: z.string().max(100_000).optional(),
  shortDescription: nullable(Text(1000)),
  brand: nullable(z.string().trim().min(1).max(120)),
  productType: nullable(Text(120)),
  categorySlug: nullable(Ref),
  attributes: Attributes.optional(),
  tags: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  seoTitle: nullable(Text(300)),
  seoDescription: nullable(Text(1000)),
  isDigital: z.boolean().optional(),
  requiresShipping: z.boolean().optional(),
  weightGrams: nullable(z.number().int().min(0).max(10_000_000)),
  dimensions: nullable(DimensionsSchema),
  rewardPercentBp: Bp.optional(),
  specs: Specs.optional(),
  images: Images.optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  /** A new order of the same options and of their values (values no variant uses may go). */
  options: ProductOptions.optional(),
});
export type UpdateProductInput = z.infer<typeof UpdateProductBody>;

export const CreateVariantBody = VariantInput;
export const UpdateVariantBody = z.object({
  sku: Sku.optional(),
  options: Options.optional(),
  barcode: nullable(Text(100)),
  position: z.number().int().min(0).max(10_000).optional(),
  weightGrams: nullable(z.number().int().min(0).max(10_000_000)),
  weightUnit: nullable(z.enum(WEIGHT_UNITS)),
});
export type UpdateVariantInput = z.infer<typeof UpdateVariantBody>;

export const CreateOfferBody = z.object({
  price: Money,
  compareAtPrice: Money.optional(),
  sellerProductName: z.string().trim().min(1).max(300).optional(),
  rewardPercentBp: Bp.optional(),
  available: z.boolean().optional(),
  stock: Quantity.optional(),
});
export type CreateOfferInput = z.infer<typeof CreateOfferBody>;
export const UpdateOfferBody = z.object({
  price: Money.optional(),
  compareAtPrice: Money.nullable().optional(),
  sellerProductName: z.string().trim().min(1).max(300).nullable().optional(),
  rewardPercentBp: Bp.nullable().optional(),
  available: z.boolean().optional(),
});
export type UpdateOfferInput = z.infer<typeof UpdateOfferBody>;

// ---------------------------------------------------------------- views

export const Crumb = z.object({ id: z.string(), slug: z.string(), name: z.string() });
export type CrumbT = z.infer<typeof Crumb>;

export const OfferView = z.object({
  id: z.string(),
  sellerId: z.string(),
  sellerProductName: z.string().nullable(),
  price: MoneyView,
  compareAtPrice: MoneyView.nullable(),
  available: z.boolean(),
  availableQuantity: z.number().int(),
  rewardPercentBp: z.number().int(),
  rating: z.number(),
  ratingCount: z.number().int(),
  best: z.boolean(),
});
export const VariantView = z.object({
  id: z.string(),
  sku: z.string(),
  barcode: z.string().nullable(),
  /** Keys in the order of the product's `options`. */
  options: z.record(z.string(), z.string()),
  position: z.number().int(),
  weightGrams: z.number().int().nullable(),
  weightUnit: z.enum(WEIGHT_UNITS).nullable(),
  offers: z.array(OfferView),
});
export const ImageView = z.object({
  id: z.string(),
  url: z.string(),
  altText: z.string().nullable(),
  position: z.number().int(),
  primary: z.boolean(),
  /** An uploaded image's displayed size and its resized variants (`<url> <width>w, …`); null for a URL. */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  srcset: z.string().nullable(),
});
export type ImageViewT = z.infer<typeof ImageView>;
export const ImageList = z.object({ items: z.array(ImageView) });

/** The upload's query: the image itself is the body. */
export const UploadImageQuery = z.strictObject({
  altText: Text(500).optional(),
  primary: z.enum(['true', 'false']).optional(),
});
export const ImageParams = z.object({ id: Id, imageId: Id });
export const UpdateImageBody = z.strictObject({
  altText: Text(500).nullable().optional(),
  primary: z.literal(true).optional(),
});
export type UpdateImageInput = z.infer<typeof UpdateImageBody>;
export const ReorderImagesBody = z.strictObject({
  imageIds: z.array(Id).max(MAX_PRODUCT_IMAGES),
});
export const ProductView = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  shortDescription: z.string().nullable(),
  brand: z.string().nullable(),
  productType: z.string().nullable(),
  status: z.enum(PRODUCT_STATUSES),
  publishedAt: z.string().nullable(),
  category: Crumb.nullable(),
  breadcrumbs: z.array(Crumb),
  tags: z.array(z.string()),
  attributes: z.record(z.string(), z.unknown()),
  specs: z.array(z.object({ name: z.string(), value: z.string() })),
  images: z.array(ImageView),
  thumbnail: z.string().nullable(),
  price: MoneyView.nullable(),
  compareAtPrice: MoneyView.nullable(),
  bestOfferId: z.string().nullable(),
  inStock: z.boolean(),
  rating: z.number(),
  ratingCount: z.number().int(),
  rewardPercentBp: z.number().int(),
  isDigital: z.boolean(),
  requiresShipping: z.boolean(),
  weightGrams: z.number().int().nullable(),
  dimensions: DimensionsSchema.nullable(),
  seoTitle: z.string().nullable(),
  seoDescription: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What a variant picker shows: the options in the merchant's order, values in order. */
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  variants: z.array(VariantView),
});
export type ProductViewT = z.infer<typeof ProductView>;

export const ProductListItem = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  brand: z.string().nullable(),
  price: MoneyView,
  compareAtPrice: MoneyView.nullable(),
  rating: z.number(),
  ratingCount: z.number().int(),
  inStock: z.boolean(),
  thumbnail: z.string().nullable(),
  highlight: z.object({ name: z.string(), description: z.string() }).optional(),
});
export type ProductListItemT = z.infer<typeof ProductListItem>;

const FacetValue = z.object({ value: z.string(), count: z.number().int() });
export const FacetsView = z.object({
  /** Matching products; with `totalIsLowerBound`, at least this many. */
  total: z.number().int(),
  inStock: z.number().int(),
  brands: z.array(FacetValue),
  price: z.array(
    z.object({ min: z.number().int(), max: z.number().int().nullable(), count: z.number().int() }),
  ),
  filters: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.enum(FILTER_KINDS),
      values: z.array(FacetValue),
      min: z.number().nullable(),
      max: z.number().nullable(),
    }),
  ),
  /**
   * The counts were taken over the first CATALOG_FACET_EXACT_LIMIT + 1 matches only (a search or
   * filtered list with more matches): each is a lower bound, and so is `total`.
   */
  approximate: z
    .boolean()
    .optional()
    .describe(
      'true when the query matched more than CATALOG_FACET_EXACT_LIMIT (10,000) products: counts were taken over the first 10,001 matches and are lower bounds. Category pages without other filters are always exact.',
    ),
  /** `total` is a lower bound of the matches (with `approximate`). */
  totalIsLowerBound: z
    .boolean()
    .optional()
    .describe('true when `total` is a lower bound (see `approximate`).'),
});
export type FacetsViewT = z.infer<typeof FacetsView>;

export const ProductList = z.object({
  items: z.array(ProductListItem),
  nextCursor: z.string().nullable(),
  facets: FacetsView.optional(),
});

const CsvList = z.union([z.string().max(2000), z.array(z.string().max(200)).max(50)]);
/** Category filters come as `f.<key>`; any other unknown key is refused, so none can vary the cache key. */
const FILTER_PARAM = /^f\.[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_FILTER_PARAMS = 20;
const ProductListFields = PageQuery.extend({
  q: z.string().trim().min(1).max(200).optional(),
  category: Ref.optional(),
  minPrice: z.coerce.number().int().min(0).max(MAX_AMOUNT).optional(),
  maxPrice: z.coerce.number().int().min(0).max(MAX_AMOUNT).optional(),
  brand: CsvList.optional(),
  seller: z.uuid().optional(),
  minRating: z.coerce.number().min(0).max(5).optional(),
  inStock: z.enum(['true', 'false']).optional(),
  sort: z.enum(SORTS).optional(),
  facets: z.enum(['true', 'false']).optional(),
});
export const ProductListQuery = ProductListFields.catchall(CsvList).superRefine((q, ctx) => {
  const filters = Object.keys(q).filter((key) => !Object.hasOwn(ProductListFields.shape, key));
  for (const key of filters) {
    if (!FILTER_PARAM.test(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'Unknown query parameter; category filters take the form f.<key>.',
      });
    }
  }
  if (filters.length > MAX_FILTER_PARAMS) {
    ctx.addIssue({ code: 'custom', path: [], message: `At most ${MAX_FILTER_PARAMS} filters.` });
  }
  if (q.minPrice !== undefined && q.maxPrice !== undefined && q.minPrice > q.maxPrice) {
    ctx.addIssue({ code: 'custom', path: ['maxPrice'], message: 'maxPrice is below minPrice.' });
  }
});
export type ProductListQueryT = z.infer<typeof ProductListQuery>;

export const SuggestQuery = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export const Suggestion = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  highlight: z.string(),
});
export type SuggestionT = z.infer<typeof Suggestion>;
export const SuggestView = z.object({
  items: z.array(Suggestion),
  categories: z.array(Crumb),
});

export const AdminProductListQuery = PageQuery.extend({
  status: z.enum(PRODUCT_STATUSES).optional(),
  createdBy: z.uuid().optional(),
  /** Words of the name, slug or brand, or a variant's SKU (the staff's search, drafts included). */
  q: z.string().trim().min(1).max(100).optional(),
});
export type AdminProductListQueryT = z.infer<typeof AdminProductListQuery>;
export const AdminProductItem = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  status: z.enum(PRODUCT_STATUSES),
  brand: z.string().nullable(),
  createdBy: z.string(),
  price: MoneyView.nullable(),
  inStock: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const AdminProductList = z.object({
  items: z.array(AdminProductItem),
  nextCursor: z.string().nullable(),
});

export const ProductParams = z.object({ idOrSlug: Ref });
export const CategoryParams = z.object({ slug: Ref });

// ---------------------------------------------------------------- categories and filters
/** What every view of a category shows; staff views add its state (`CategoryPlace`: active, parent). */
const CategoryFields = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  imageUrl: z.string().nullable(),
  sortOrder: z.number().int(),
});
const CategoryPlace = { isActive: z.boolean(), parentId: z.string().nullable() };

export const CategoryNode = CategoryFields.extend({
  get children() {
    return z.array(CategoryNode);
  },
}).meta({ id: 'CategoryNode' }); // recursive: a named component of the OpenAPI document
export type CategoryNodeT = z.infer<typeof CategoryNode>;
export const CategoryTree = z.object({ items: z.array(CategoryNode) });

export const FilterView = z.object({
  id: z.string(),
  categoryId: z.string(),
  key: z.string(),
  label: z.string(),
  kind: z.enum(FILTER_KINDS),
  source: z.enum(FILTER_SOURCES),
  sourceKey: z.string(),
  position: z.number().int(),
});
export const FilterList = z.object({ items: z.array(FilterView) });

export const CategoryView = z.object({
  ...CategoryFields.shape,
  ...CategoryPlace,
  breadcrumbs: z.array(Crumb),
  children: z.array(Crumb),
  filters: z.array(FilterView),
});
export const AdminCategory = z.object({
  ...CategoryFields.shape,
  ...CategoryPlace,
  depth: z.number().int(),
});
export const AdminCategoryList = z.object({ items: z.array(AdminCategory) });

const CategoryName = z.string().trim().min(1).max(200);
export const CreateCategoryBody = z.object({
  name: CategoryName,
  slug: Slug.optional(),
  parentId: z.uuid().nullable().optional(),
  description: Text(5000).optional(),
  imageUrl: Url.optional(),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  isActive: z.boolean().optional(),
});
export type CreateCategoryInput = z.infer<typeof CreateCategoryBody>;
export const UpdateCategoryBody = z.object({
  name: CategoryName.optional(),
  slug: Slug.optional(),
  parentId: z.uuid().nullable().optional(),
  description: Text(5000).nullable().optional(),
  imageUrl: Url.nullable().optional(),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  isActive: z.boolean().optional(),
});
export type UpdateCategoryInput = z.infer<typeof UpdateCategoryBody>;
export const ReorderCategoriesBody = z.object({
  parentId: z.uuid().nullable(),
  orderedIds: z.array(z.uuid()).min(1).max(1000),
});
export type ReorderCategoriesInput = z.infer<typeof ReorderCategoriesBody>;

export const CreateFilterBody = z.object({
  key: z
    .string()
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  label: z.string().trim().min(1).max(100),
  kind: z.enum(FILTER_KINDS),
  source: z.enum(FILTER_SOURCES),
  sourceKey: z.string().trim().min(1).max(100),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CreateFilterInput = z.infer<typeof CreateFilterBody>;
