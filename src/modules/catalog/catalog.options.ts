// A product's options (Color, Size…) in the merchant's order with their values in order, and the
// rule that ties them to the variants: each variant names exactly one listed value of every option.
import { badField } from './catalog.errors.ts';

export interface ProductOption {
  name: string;
  values: string[];
}
export type VariantOptions = Record<string, string>;

/** Options as Shopify's CSV carries them (Option1–3); the API takes no more. */
export const MAX_OPTIONS = 3;
/** Values one option may list: bounds the product row (a picker of more is no picker). */
export const MAX_OPTION_VALUES = 250;

/** Options in the order the variants first use them, values in the order first seen. */
export function deriveOptions(variants: Array<VariantOptions | undefined>): ProductOption[] {
  const byName = new Map<string, string[]>();
  for (const options of variants) {
    for (const [name, value] of Object.entries(options ?? {})) {
      const values = byName.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      byName.set(name, values);
    }
  }
  return [...byName].map(([name, values]) => ({ name, values }));
}

/**
 * Checks a variant's options against the product's and returns the product's options with any
 * value the variant adds appended (a new copy; the input is not changed). `listedOnly` refuses an
 * unlisted value instead: the request stated the values itself. `at` is the variant's JSON pointer.
 */
export function fitVariant(
  product: ProductOption[],
  variant: VariantOptions | undefined,
  at: string,
  listedOnly = false,
): ProductOption[] {
  const given = variant ?? {};
  const names = product.map((o) => o.name);
  const unknown = Object.keys(given).find((name) => !names.includes(name));
  if (unknown !== undefined) {
    throw badField(`${at}/options/${pointerPart(unknown)}`, optionsMessage(names));
  }
  const missing = names.find((name) => !Object.hasOwn(given, name));
  if (missing !== undefined) {
    throw badField(`${at}/options`, `${optionsMessage(names)} ${missing} is missing.`);
  }
  return product.map((o) => {
    const value = given[o.name]!;
    if (o.values.includes(value)) return o;
    const pointer = `${at}/options/${pointerPart(o.name)}`;
    if (listedOnly) throw badField(pointer, `${value} is not one of the values of ${o.name}.`);
    if (o.values.length >= MAX_OPTION_VALUES) {
      throw badField(pointer, `${o.name} has ${MAX_OPTION_VALUES} values already.`);
    }
    return { name: o.name, values: [...o.values, value] };
  });
}

/** Every variant fitted in turn: the options they all agree with, values they add appended. */
export function fitVariants(
  product: ProductOption[],
  variants: Array<{ options?: VariantOptions | undefined }>,
  listedOnly: boolean,
): ProductOption[] {
  return variants.reduce(
    (options, v, i) => fitVariant(options, v.options, `/variants/${i}`, listedOnly),
    product,
  );
}

/**
 * A new order for the product's options (PATCH): the same names, each listing every value its
 * variants use; values no variant uses may be dropped or added.
 */
export function checkReorder(current: ProductOption[], next: ProductOption[], used: VariantOptions[]) {
  const names = current.map((o) => o.name);
  if (next.length !== names.length || next.some((o) => !names.includes(o.name))) {
    throw badField(
      '/options',
      `The options must be ${names.join(', ') || 'none'}, in any order; renaming or adding one goes through the variants.`,
    );
  }
  for (const [i, o] of next.entries()) {
    const missing = used
      .map((v) => v[o.name])
      .find((value) => value !== undefined && !o.values.includes(value));
    if (missing !== undefined) throw badField(`/options/${i}/values`, `A variant uses ${o.name} ${missing}.`);
  }
}

/** A variant's options as an object whose keys follow the product's option order. */
export function inProductOrder(product: ProductOption[], variant: VariantOptions): VariantOptions {
  const names = product.map((o) => o.name).filter((name) => Object.hasOwn(variant, name));
  const rest = Object.keys(variant).filter((name) => !names.includes(name));
  // fromEntries defines own properties, whatever a name is (even `__proto__`).
  return Object.fromEntries([...names, ...rest].map((name) => [name, variant[name]!]));
}

export const sameOptions = (a: ProductOption[], b: ProductOption[]) =>
  JSON.stringify(a) === JSON.stringify(b);

function optionsMessage(names: string[]) {
  return names.length === 0
    ? 'This product has no options: its variant takes none.'
    : `Each variant names one value of each of the product’s options: ${names.join(', ')}.`;
}

/** RFC 6901: `~` and `/` in a key are escaped in a JSON pointer. */
function pointerPart(key: string) {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
