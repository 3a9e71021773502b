import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { TRACING_SETTINGS, tracesEndpoint } from './config-otel.ts';
import { paypalProblem } from './config-paypal.ts';
import { RETENTION_SETTINGS } from './config-retention.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_PRESETS.has(entry)) return true;
  const [ip, prefix, ...rest] = entry.split('/');
  const version = net.isIP(ip ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Which proxies in front may say who the client is (X-Forwarded-For), as Fastify's `trustProxy`:
 * `false` none; `true` a proxy on this host (loopback); a hop count; or the proxies' addresses and
 * CIDRs. Never every hop: the leftmost X-Forwarded-For entry is whatever the client wrote.
 */
const TrustProxy = z.string().transform((value, ctx): false | number | string[] => {
  const v = value.trim().toLowerCase();
  if (['false', 'no', '0'].includes(v)) return false;
  if (['true', 'yes'].includes(v)) return ['loopback'];
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((e) => e.trim());
  if (entries.every(isProxyAddress)) return entries;
  ctx.addIssue({
    code: 'custom',
    message: 'Use false, true (a proxy on this host), a hop count, or proxy addresses and CIDRs.',
  });
  return z.NEVER;
});

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('public'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
  /** Row-level security behind the application's store scoping (decision 016). */
  DATABASE_RLS: z.enum(['on', 'off']).default('off'),
  /** Read replicas (decision 038): standbys' URLs, comma-separated, for catalog and analytics reads. */
  DATABASE_READ_URL: z.string().optional(),
  DATABASE_READ_MAX_LAG_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
  /** How long a principal's reads stay on the primary after a write of theirs. */
  DATABASE_READ_STICKY_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  SEED_DEMO: bool.default(false),
  /** Size of the demo catalog SEED_DEMO puts into an empty database. */
  SEED_DEMO_PRODUCTS: z.coerce.number().int().min(1).max(10_000_000).default(1000),
  /** How long a process may serve a cached catalog read another process's write has changed (0: off). */
  CATALOG_CACHE_TTL_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /** Facet counts of a search or filtered list are exact up to this many matches, approximate above. */
  CATALOG_FACET_EXACT_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  /** A text search ranks at most this many of its matches (the first the full-text index yields). */
  CATALOG_SEARCH_CANDIDATES: z.coerce.number().int().min(20).max(1_000_000).default(1000),
  BAZAAR_ADMIN_EMAIL: z.string().email().optional(),
  BAZAAR_ADMIN_PASSWORD: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.optional(),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  CORS_ORIGINS: z.string().default(''),
  TRUST_PROXY: TrustProxy.default(false),
  BASE_DOMAIN: z.string().default('localhost'),
  /** Name servers that verify custom domains' TXT records (`ip` or `ip:port`, comma-separated); the system's when empty. */
  DOMAIN_DNS_SERVERS: z.string().default(''),
  /** Store lookups (by Host or X-Store-Id) each process keeps for 30 s, about 1 KB each; unknown hosts count too. */
  STORE_CACHE_MAX: z.coerce.number().int().min(1).max(10_000_000).default(25_000),
  /** How often each process writes the storefront events it has gathered (views, searches, cart adds, checkouts). */
  ANALYTICS_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** Events a process gathers before it writes them at once, without waiting for the next flush. */
  ANALYTICS_BATCH_ROWS: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Dashboard answers kept per process until the store's rollups change (`off`: every call reads them). */
  ANALYTICS_CACHE: z.enum(['on', 'off']).default('on'),
  WORKER_ENABLED: bool.default(true),
  WORKER_POLL_MS: z.coerce.number().int().min(10).default(15_000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Bazaar <no-reply@bazaar.local>'),
  /**
   * How SMS leaves (sign-in codes, text notifications): `outbox` writes each message to
   * DATA_DIR/outbox/sms (development), `twilio` sends through Twilio's Messages API, `off` sends
   * none. Unset: `outbox` in development, `off` in production.
   */
  SMS_PROVIDER: z.enum(['off', 'outbox', 'twilio']).optional(),
  /** The sender: a number in E.164 or an alphanumeric sender id where the country allows one. */
  SMS_SENDER: z.string().min(1).max(20).optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  /** Sends through a Messaging Service instead of SMS_SENDER when set. */
  TWILIO_MESSAGING_SERVICE_SID: z.string().optional(),
  TWILIO_API_BASE: z.string().url().optional(),
  /** Web push; VAPID keys are generated once into DATA_DIR/keys outside production when unset. */
  PUSH_ENABLED: bool.default(true),
  VAPID_PUBLIC_KEY: z.string().min(40).optional(),
  VAPID_PRIVATE_KEY: z.string().min(20).optional(),
  /** `mailto:` or an https URL push services may contact; PUBLIC_URL (https) or a local mailbox when unset. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:)/)
    .optional(),
  /** The shared secret that signs mail bounce and complaint reports (the webhook is off without it). */
  EMAIL_WEBHOOK_SECRET: z.string().min(32).optional(),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_LEADS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** HMAC key for access tokens; without it a key is generated once and kept in DATA_DIR/keys. */
  JWT_SECRET: z.string().min(32).optional(),
  /** Comma-separated earlier keys, still accepted until the tokens they signed expire. */
  JWT_PREVIOUS_SECRETS: z
    .string()
    .default('')
    .refine((v) => splitList(v).every((s) => s.length >= 32), 'every secret needs at least 32 characters'),
  /** Key for data encrypted at rest (seller bank details); without it one is generated in DATA_DIR/keys. */
  DATA_ENCRYPTION_KEY: z.string().min(32).optional(),
  /** Where the storefront is reached, for links in mail (verification, password reset). */
  PUBLIC_URL: z.string().url().optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(30 * 24 * 3600),
  /** The built-in `test` payment provider; on by default in development, off in production. */
  PAYMENTS_TEST_PROVIDER: bool.optional(),
  PAYMENTS_COD_ENABLED: bool.default(true),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_BASE: z.string().url().optional(),
  RAZORPAY_KEY_ID: z.string().optional(),
  RAZORPAY_KEY_SECRET: z.string().optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().optional(),
  RAZORPAY_API_BASE: z.string().url().optional(),
  /** PayPal Checkout (Orders v2): offered when the client id and secret are set (config-paypal.ts). */
  PAYPAL_CLIENT_ID: z.string().optional(),
  PAYPAL_CLIENT_SECRET: z.string().optional(),
  PAYPAL_WEBHOOK_ID: z.string().optional(),
  PAYPAL_API_URL: z.string().url().optional(),
  /** Who bills tenants for their plans: `test` (development) or `razorpay` (Razorpay Subscriptions). */
  BILLING_PROVIDER: z.enum(['test', 'razorpay']).optional(),
  /** Days a tenant whose renewal failed keeps its stores open before they are suspended. */
  BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  /** The most units of one offer a cart line may hold. */
  CART_MAX_LINE_QUANTITY: z.coerce.number().int().min(1).max(100000).default(99),
  /** Carts untouched this long are marked ABANDONED. */
  CART_TTL_DAYS: z.coerce.number().int().min(1).default(30),
  /** What one reward point is worth, in minor units of the store currency. */
  REWARDS_POINT_VALUE_MINOR: z.coerce.number().int().min(1).default(100),
  /** The most of an order's items (basis points) that points may pay for. */
  REWARDS_MAX_REDEEM_BP: z.coerce.number().int().min(0).max(10000).default(5000),
  RESERVATION_TTL_SECONDS: z.coerce.number().int().min(10).default(900),
  // Stock forecasts (decision 028): days from ordering stock to having it, where an offer sets none;
  // days between two looks at the stock; the chance of not running out before new stock arrives.
  FORECAST_LEAD_TIME_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  FORECAST_REVIEW_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  FORECAST_SERVICE_LEVEL: z.coerce.number().min(0.5).max(0.999).default(0.95),
  // Unpaid orders: cancelled this many minutes after their stock hold ran out. Reward points:
  // earned this many days after delivery (a return window), and only on captured money.
  ORDER_PENDING_TTL_MINUTES: z.coerce.number().int().min(1).max(43_200).default(30),
  REWARDS_EARN_DELAY_DAYS: z.coerce.number().int().min(0).max(365).default(0),
  // --- exposure and uploads (docs/operations.md, "Modes" and "Logs, metrics, health") ---
  /** Serve /metrics on a listener of its own (and not on the public port). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** Bearer token /metrics requires, wherever it is served. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Largest CSV file the product import takes (only that route reads bodies this large). */
  CSV_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** Most rows of one CSV import. */
  CSV_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(100_000),
  // Request limits at the edge (docs/security.md, "Request limits").
  /** A whole request, headers and body, must arrive within this (408 after). */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /** Its headers must arrive within this (at most HTTP_REQUEST_TIMEOUT_MS). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** A connection on which no byte moves for this long is closed. */
  HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  /** An idle keep-alive connection is closed after this; keep it above a proxy's idle timeout. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(72_000),
  /** Public catalog list, search and suggestion calls per client address and minute. */
  RATE_LIMIT_CATALOG_PER_MINUTE: z.coerce.number().int().min(1).default(600),

  // Product images (docs/operations.md, "Media storage").
  /** Where uploaded images and their variants are kept: DATA_DIR/media, or an S3-compatible bucket. */
  MEDIA_STORAGE: z.enum(['local', 's3']).default('local'),
  /** Largest image an upload takes, in bytes (more is 413 before the body is read). */
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** Longest side of an uploaded image, in pixels. */
  MEDIA_MAX_DIMENSION: z.coerce.number().int().min(16).max(100_000).default(8000),
  /** Most pixels an uploaded image may decode to (width × height): the decompression-bomb guard. */
  MEDIA_MAX_PIXELS: z.coerce.number().int().min(256).default(40_000_000),
  /** An S3-compatible service other than AWS (MinIO, Ceph, R2…); AWS when unset. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Address the bucket as a path (`endpoint/bucket/key`), as most S3-compatible services need. */
  S3_FORCE_PATH_STYLE: bool.default(false),

  // Abuse limits and retention (docs/security.md, docs/operations.md).
  /** argon2 hashes run at once per process, and how many may wait before new ones are shed (503). */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  PASSWORD_HASH_QUEUE_MAX: z.coerce.number().int().min(0).max(10_000).default(64),
  /** A session's refresh tokens stop rotating this long after its sign-in, however active it is. */
  REFRESH_ABSOLUTE_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(90 * 24 * 3600),
  /** Checkouts per client address and minute (per process). */
  CHECKOUT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Open guest cash-on-delivery orders per email and per phone, and per client address. */
  COD_GUEST_MAX_OPEN_ORDERS: z.coerce.number().int().min(0).default(3),
  COD_GUEST_MAX_OPEN_ORDERS_PER_IP: z.coerce.number().int().min(0).default(10),
  CART_MAX_LINES: z.coerce.number().int().min(1).max(10_000).default(100),
  WISHLISTS_MAX_PER_USER: z.coerce.number().int().min(1).max(10_000).default(20),
  WISHLIST_MAX_ITEMS: z.coerce.number().int().min(1).max(10_000).default(200),
  // How long data is kept and when orders are archived (config-retention.ts).
  ...RETENTION_SETTINGS,

  // Store generation (docs/modules/tenancy.md, "Store generation"): without a URL, built-in only.
  /** An OpenAI-compatible API's base URL (`{url}/chat/completions` is called). */
  GENERATOR_URL: z.string().url().optional(),
  GENERATOR_MODEL: z.string().min(1).max(200).optional(),
  /** Sent as `Authorization: Bearer …`; local servers often need none. */
  GENERATOR_API_KEY: z.string().min(1).optional(),
  /** How long the model may take before the built-in generator writes the store instead. */
  GENERATOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  // Traces over OTLP/HTTP (decision 039, config-otel.ts): off unless an endpoint is set.
  ...TRACING_SETTINGS,
});

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Every environment variable Bazaar reads (docs/operations.md lists each one). */
export const CONFIG_VARIABLES = Object.keys(ConfigSchema.shape) as (keyof typeof ConfigSchema.shape)[];

/** Reads configuration from the environment once; invalid values stop the start with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = { ...parsed.data, ...overrides };
  return { ...config, dataDir: path.resolve(config.DATA_DIR) };
}

// --- modes ---------------------------------------------------------------------------------------

/** Development (demo data, test payments, generated keys) unless NODE_ENV=production; tests count as development. */
export type Mode = 'development' | 'production';

export function modeOf(config: Pick<Config, 'NODE_ENV'>): Mode {
  return config.NODE_ENV === 'production' ? 'production' : 'development';
}

export function testProviderEnabled(config: Pick<Config, 'NODE_ENV' | 'PAYMENTS_TEST_PROVIDER'>): boolean {
  return config.PAYMENTS_TEST_PROVIDER ?? modeOf(config) === 'development';
}

/**
 * The billing provider this deployment uses: as set, else `test` in development mode and none in
 * production (a single shop bills no tenants).
 */
export function billingProviderName(
  config: Pick<Config, 'NODE_ENV' | 'BILLING_PROVIDER'>,
): 'test' | 'razorpay' | null {
  return config.BILLING_PROVIDER ?? (modeOf(config) === 'development' ? 'test' : null);
}

/** True when the URL's host is this machine (localhost, *.localhost, 127.0.0.0/8, ::1). */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(host)
  );
}

export interface UnsafeSetting {
  setting: string;
  reason: string;
}

/** What makes this configuration unsafe to serve in production mode (nothing, outside production). */
export function productionProblems(config: Config): UnsafeSetting[] {
  if (modeOf(config) !== 'production') return [];
  const problems: UnsafeSetting[] = [];
  const generated = 'unset; it would be generated into DATA_DIR/keys, beside the data it protects';
  if (!config.JWT_SECRET) problems.push({ setting: 'JWT_SECRET', reason: generated });
  if (!config.DATA_ENCRYPTION_KEY) problems.push({ setting: 'DATA_ENCRYPTION_KEY', reason: generated });
  if (!config.PUBLIC_URL) {
    problems.push({ setting: 'PUBLIC_URL', reason: 'unset; mail links need the address of the storefront' });
  } else if (config.PAYMENTS_TEST_PROVIDER && !isLoopbackUrl(config.PUBLIC_URL)) {
    problems.push({
      setting: 'PAYMENTS_TEST_PROVIDER',
      reason: `the test provider captures without money; refused while PUBLIC_URL (${config.PUBLIC_URL}) is public`,
    });
  }
  const billing = billingProblem(config);
  if (billing) problems.push(billing);
  const paypal = paypalProblem(config);
  if (paypal) problems.push(paypal);
  const sms = smsProblem(config);
  if (sms) problems.push(sms);
  if (config.SEED_DEMO) {
    problems.push({ setting: 'SEED_DEMO', reason: 'demo data and demo accounts are for development mode' });
  }
  const media = mediaStorageProblem(config);
  if (media) problems.push(media);
  const generator = generatorProblem(config);
  if (generator) problems.push(generator);
  const loose = config.DATABASE_URL ? null : accessibleByOthers(config.dataDir);
  if (loose !== null) {
    problems.push({
      setting: 'DATA_DIR',
      reason: `${config.dataDir} holds the embedded database and is open to group or others (mode ${loose.toString(8)}); chmod 700 it`,
    });
  }
  return problems;
}

/** The SMS transport in effect: the configured one, else the outbox in development and none in production. */
export function smsProviderOf(config: Config): 'off' | 'outbox' | 'twilio' {
  return config.SMS_PROVIDER ?? (modeOf(config) === 'production' ? 'off' : 'outbox');
}

/**
 * Twilio needs its account, token and a sender, in any mode. Production refuses the outbox: sign-in
 * codes written to a file on the server reach nobody, and would sit there in clear.
 */
export function smsProblem(config: Config): UnsafeSetting | null {
  const provider = smsProviderOf(config);
  if (provider === 'twilio') {
    const missing = (['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN'] as const).filter((name) => !config[name]);
    if (!config.SMS_SENDER && !config.TWILIO_MESSAGING_SERVICE_SID) missing.push('SMS_SENDER' as never);
    if (missing.length > 0)
      return {
        setting: missing[0] as string,
        reason: `unset while SMS_PROVIDER=twilio (${missing.join(', ')})`,
      };
  }
  if (provider === 'outbox' && modeOf(config) === 'production')
    return {
      setting: 'SMS_PROVIDER',
      reason: 'the outbox writes each SMS to DATA_DIR/outbox/sms and sends none; choose twilio, or off',
    };
  return null;
}

/**
 * Razorpay billing needs its key and webhook secret, in any mode. Production refuses the test
 * billing provider as it refuses the test payment provider: it activates plans without money, so
 * only while PUBLIC_URL is this machine.
 */
export function billingProblem(config: Config): UnsafeSetting | null {
  if (config.BILLING_PROVIDER === 'razorpay') {
    const missing = (['RAZORPAY_KEY_ID', 'RAZORPAY_KEY_SECRET', 'RAZORPAY_WEBHOOK_SECRET'] as const).filter(
      (name) => !config[name],
    );
    if (missing.length > 0) {
      return {
        setting: missing[0] as string,
        reason: `unset while BILLING_PROVIDER=razorpay (${missing.join(', ')})`,
      };
    }
  }
  if (config.BILLING_PROVIDER === 'test' && modeOf(config) === 'production') {
    if (!config.PUBLIC_URL || !isLoopbackUrl(config.PUBLIC_URL)) {
      return {
        setting: 'BILLING_PROVIDER',
        reason:
          'the test billing provider activates plans without payment; refused unless PUBLIC_URL is this machine',
      };
    }
  }
  return null;
}

/**
 * S3 storage needs its bucket, and both keys or neither (then the SDK's own chain). Production mode
 * refuses an endpoint reached over plain http on another host: the requests carry the images and
 * their signatures in the clear.
 */
export function mediaStorageProblem(config: Config): UnsafeSetting | null {
  if (config.MEDIA_STORAGE !== 's3') return null;
  if (!config.S3_BUCKET) return { setting: 'S3_BUCKET', reason: 'unset while MEDIA_STORAGE=s3' };
  if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY)) {
    return {
      setting: 'S3_ACCESS_KEY_ID',
      reason: 'set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither',
    };
  }
  const endpoint = config.S3_ENDPOINT;
  if (modeOf(config) === 'production' && endpoint?.startsWith('http:') && !isLoopbackUrl(endpoint)) {
    return { setting: 'S3_ENDPOINT', reason: `${endpoint} is plain http to another host; use https` };
  }
  return null;
}

/**
 * A generator URL needs its model. Production mode refuses a model endpoint reached over plain
 * http on another host: the requests carry the API key and the business's description in the clear.
 */
export function generatorProblem(
  config: Pick<Config, 'NODE_ENV' | 'GENERATOR_URL' | 'GENERATOR_MODEL'>,
): UnsafeSetting | null {
  const url = config.GENERATOR_URL;
  if (!url) return null;
  if (!config.GENERATOR_MODEL)
    return { setting: 'GENERATOR_MODEL', reason: 'unset while GENERATOR_URL is set' };
  if (modeOf(config) === 'production' && url.startsWith('http:') && !isLoopbackUrl(url)) {
    return { setting: 'GENERATOR_URL', reason: `${url} is plain http to another host; use https` };
  }
  return null;
}

/** The mode bits of a directory that group or others can use, or null (private or not there yet). */
function accessibleByOthers(dir: string): number | null {
  try {
    const mode = fs.statSync(dir).mode & 0o777;
    return mode & 0o077 ? mode : null;
  } catch {
    return null;
  }
}

/** Stops the start, naming every unsafe setting, when the configuration is unsafe for its mode. */
export function assertSafeForMode(config: Config): void {
  const problems = productionProblems(config);
  if (problems.length === 0) return;
  const lines = problems.map((p) => `  ${p.setting}: ${p.reason}`);
  throw new Error(`Unsafe configuration for production mode:\n${lines.join('\n')}`);
}

/** Demo data and accounts exist only in development mode. */
export function assertDemoAllowed(config: Pick<Config, 'NODE_ENV'>): void {
  if (modeOf(config) === 'production') {
    throw new Error('Demo data is refused in production mode (SEED_DEMO, seed --demo).');
  }
}

/** Settings that development mode accepts but an operator should hear about. */
export function modeWarnings(config: Config): string[] {
  const traces = tracesEndpoint(config);
  const plainTraces =
    modeOf(config) === 'production' && traces?.startsWith('http:') && !isLoopbackUrl(traces)
      ? [`traces go to ${new URL(traces).origin} over plain http, headers and all; use https off this host`]
      : [];
  if (modeOf(config) !== 'development' || !testProviderEnabled(config) || !config.PUBLIC_URL)
    return plainTraces;
  if (isLoopbackUrl(config.PUBLIC_URL)) return plainTraces;
  return [
    `development mode with the test payment provider on, while PUBLIC_URL (${config.PUBLIC_URL}) is public: anyone can check out without paying; set NODE_ENV=production`,
  ];
}
