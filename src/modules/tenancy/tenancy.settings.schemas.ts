/**
 * The shapes of a store's settings: as stored in `stores.config.settings` (each with a safe
 * default) and as an admin changes them. Validation that needs the runtime's tables (time zones,
 * regions, currencies) asks Intl, so the server knows what it can actually format.
 */
import { z } from 'zod';
import { Currency, Text } from '../../platform/schemas.ts';

const LogoUrl = z
  .string()
  .max(500)
  .regex(/^(\/[^/\\]|https:\/\/)/, 'A path on this server (/...) or an https:// address.');
const AccentColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour as #rrggbb.');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name the runtime knows. */
export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, 'An IANA time zone, e.g. Asia/Kolkata.');

const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Codes Intl names that are not countries: user-assigned, EU, EZ, UN, and the reserved UK. */
const NOT_COUNTRIES = /^(AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN|UK)$/;

/** Whether `code` is a country's ISO 3166-1 alpha-2 code (Intl names it and it is no grouping). */
function isCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.test(code) && regions.of(code) !== undefined;
}

/** An ISO 3166-1 alpha-2 country code (IN, US, DE). */
export const Country = z.string().max(2).refine(isCountry, 'An ISO 3166-1 alpha-2 country code, e.g. IN.');

/** A language tag (BCP 47, language with optional script and region: en, hi-IN, zh-Hant-TW). */
export const Language = z
  .string()
  .max(16)
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A language tag such as en or hi-IN.')
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'A language tag such as en or hi-IN.');

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
/** An ISO 4217 currency the runtime can format. */
export const StoreCurrency = Currency.refine(
  (c) => KNOWN_CURRENCIES.has(c),
  'An ISO 4217 currency, e.g. INR.',
);

export const Email = z.string().trim().toLowerCase().email().max(254);
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{3,28}[0-9]$/, 'A phone number: digits, spaces, (), - and a leading +.');

/** A postal address of the store (its business address, shown in the storefront's footer). */
export const StoreAddress = z.strictObject({
  line1: Text(200),
  line2: Text(200).optional(),
  city: Text(100),
  region: Text(100).optional(),
  postalCode: Text(20),
  country: Country,
});
export type StoreAddress = z.infer<typeof StoreAddress>;

/** How buyers reach the store; each part may be unset. */
export const StoreContact = z.object({
  email: Email.nullable().default(null),
  phone: Phone.nullable().default(null),
  address: StoreAddress.nullable().default(null),
});
export type StoreContact = z.infer<typeof StoreContact>;

export const POLICY_KINDS = ['terms', 'privacy', 'returns', 'shipping'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** A policy's text (plain text or markdown, shown as text); an empty one is unset. */
const PolicyText = z
  .string()
  .max(20_000)
  .transform((t) => (t.trim() === '' ? null : t));

/** The store's policies, each shown at `/policies/{kind}` in the storefront once set. */
export const StorePolicies = z.object({
  terms: PolicyText.nullable().default(null),
  privacy: PolicyText.nullable().default(null),
  returns: PolicyText.nullable().default(null),
  shipping: PolicyText.nullable().default(null),
});
export type StorePolicies = z.infer<typeof StorePolicies>;

/**
 * A store's own rules, kept in its row (`stores.config.settings`) and read through the typed
 * accessor (tenancy.settings.ts) only. Each setting has a safe default, used as well when a stored
 * value is unreadable.
 */
export const StoreSettings = z.object({
  /** The highest reward rate (basis points) a marketplace seller may put on its offers; staff are not capped. */
  sellerMaxRewardBp: z.number().int().min(0).max(10_000).default(0),
  /** Whether an agent must enter a one-time code the buyer was given to deliver (off by default). */
  deliveryCodes: z.boolean().default(false),
  /** Days after delivery in which a buyer may ask to return items (0: no returns). */
  returnWindowDays: z.number().int().min(0).max(365).default(14),
  /** The storefront's logo: a path on this server (an uploaded image) or an https address. */
  logoUrl: LogoUrl.nullable().default(null),
  /** The storefront's accent colour (links and buttons), `#rrggbb`; the built-in blue when null. */
  accentColor: AccentColor.nullable().default(null),
  /** The store's time zone (IANA), for the times its staff see; UTC unless set. */
  timeZone: TimeZone.default('UTC'),
  /** The store's email (also the Reply-To of its mails), phone and address. */
  contact: StoreContact.default({ email: null, phone: null, address: null }),
  /** Whether a phone's first sign-in by SMS code opens a customer account (on by default). */
  phoneSignUp: z.boolean().default(true),
  /** Terms, privacy, returns and shipping policies (text). */
  policies: StorePolicies.default({ terms: null, privacy: null, returns: null, shipping: null }),
});
export type StoreSettings = z.infer<typeof StoreSettings>;

/**
 * What an admin may change: any subset of the settings and the store's name, language and
 * currency. `contact` and `policies` merge by key: a key given sets (null clears), one left out stays.
 */
export const StoreSettingsPatch = z.strictObject({
  name: Text(200).optional(),
  language: Language.optional(),
  /** Refused (409) once the store has priced offers or orders. */
  currency: StoreCurrency.optional(),
  timeZone: TimeZone.optional(),
  contact: z
    .strictObject({
      email: Email.nullable().optional(),
      phone: Phone.nullable().optional(),
      address: StoreAddress.nullable().optional(),
    })
    .optional(),
  policies: z
    .strictObject({
      terms: PolicyText.nullable().optional(),
      privacy: PolicyText.nullable().optional(),
      returns: PolicyText.nullable().optional(),
      shipping: PolicyText.nullable().optional(),
    })
    .optional(),
  sellerMaxRewardBp: z.number().int().min(0).max(10_000).optional(),
  deliveryCodes: z.boolean().optional(),
  phoneSignUp: z.boolean().optional(),
  returnWindowDays: z.number().int().min(0).max(365).optional(),
  logoUrl: LogoUrl.nullable().optional(),
  accentColor: AccentColor.nullable().optional(),
});
export type StoreSettingsPatch = z.infer<typeof StoreSettingsPatch>;
