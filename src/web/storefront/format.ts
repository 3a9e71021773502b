/** Money as the API answers it: integer minor units and an ISO currency. */
export interface Money {
  amount: number;
  currency: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(language: string, currency: string): Intl.NumberFormat {
  const key = `${language}:${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'currency', currency });
    formatters.set(key, format);
  }
  return format;
}

/** The amount in major units as a decimal string (schema.org prices): 802000 INR → "8020.00". */
export function majorUnits(money: Money): string {
  const digits = formatter('en', money.currency).resolvedOptions().maximumFractionDigits ?? 2;
  return (money.amount / 10 ** digits).toFixed(digits);
}

/** A price for people, in the store's language: minor units shown with the currency's decimals. */
export function formatMoney(money: Money, language: string): string {
  const format = formatter(language, money.currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}
