/** Money as the API answers it: integer minor units and an ISO currency. */
export interface Money {
  amount: number;
  currency: string;
}

interface Formatter {
  format: Intl.NumberFormat;
  /** The currency's decimals (resolvedOptions() costs more than formatting: read it once). */
  digits: number;
}

const formatters = new Map<string, Formatter>();

function formatter(language: string, currency: string): Formatter {
  const key = `${language}:${currency}`;
  let found = formatters.get(key);
  if (!found) {
    const format = new Intl.NumberFormat(language, { style: 'currency', currency });
    found = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    formatters.set(key, found);
  }
  return found;
}

/** How many decimals the currency's minor units have (INR 2, JPY 0). */
export function currencyDigits(currency: string): number {
  return formatter('en', currency).digits;
}

/** The amount in major units as a decimal string (schema.org prices): 802000 INR → "8020.00". */
export function majorUnits(money: Money): string {
  const { digits } = formatter('en', money.currency);
  return (money.amount / 10 ** digits).toFixed(digits);
}

/** A price for people, in the store's language: minor units shown with the currency's decimals. */
export function formatMoney(money: Money, language: string): string {
  const { format, digits } = formatter(language, money.currency);
  return format.format(money.amount / 10 ** digits);
}

/** A text as its paragraphs (split at blank lines, the empty ones dropped), to show as text. */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '').split(/\n\s*\n/).filter((p) => p.trim());
}
