// The lookup types every store has from the start, with the values a store gets until it changes
// them. Labels are in English; a store adds its languages' labels when it edits a value.

export interface DefaultValue {
  code: string;
  labels: Record<string, string>;
}

export interface BuiltInType {
  description: string;
  values: DefaultValue[];
}

const en = (pairs: Array<[string, string]>): DefaultValue[] =>
  pairs.map(([code, label]) => ({ code, labels: { en: label } }));

export const BUILT_IN_TYPES: Record<string, BuiltInType> = {
  'return-reason': {
    description: 'Why a buyer sends items back (the return form)',
    values: en([
      ['damaged', 'Arrived damaged'],
      ['wrong-item', 'Wrong item sent'],
      ['not-as-described', 'Not as described'],
      ['does-not-fit', 'Does not fit'],
      ['changed-mind', 'Changed my mind'],
      ['other', 'Other'],
    ]),
  },
  'cancellation-reason': {
    description: 'Why an order is cancelled',
    values: en([
      ['ordered-by-mistake', 'Ordered by mistake'],
      ['found-cheaper', 'Found it cheaper elsewhere'],
      ['delivery-too-slow', 'Delivery takes too long'],
      ['changed-mind', 'Changed my mind'],
      ['out-of-stock', 'Out of stock'],
      ['other', 'Other'],
    ]),
  },
  'unit-of-measure': {
    description: 'Units products are sold and quoted in',
    values: en([
      ['piece', 'Piece'],
      ['pack', 'Pack'],
      ['box', 'Box'],
      ['kg', 'Kilogram'],
      ['g', 'Gram'],
      ['l', 'Litre'],
      ['ml', 'Millilitre'],
      ['m', 'Metre'],
    ]),
  },
  'business-type': {
    description: 'What kind of business a seller or a B2B buyer is',
    values: en([
      ['retailer', 'Retailer'],
      ['wholesaler', 'Wholesaler'],
      ['manufacturer', 'Manufacturer'],
      ['distributor', 'Distributor'],
      ['services', 'Services'],
      ['individual', 'Individual'],
    ]),
  },
  'delivery-slot': {
    description: 'Time slots a buyer may ask delivery in',
    values: en([
      ['morning', 'Morning (9:00–12:00)'],
      ['afternoon', 'Afternoon (12:00–17:00)'],
      ['evening', 'Evening (17:00–21:00)'],
    ]),
  },
};

export function isBuiltIn(type: string): boolean {
  return Object.hasOwn(BUILT_IN_TYPES, type);
}
