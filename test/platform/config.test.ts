import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  assertSafeForMode,
  billingProblem,
  billingProviderName,
  CONFIG_VARIABLES,
  generatorProblem,
  loadConfig,
  mediaStorageProblem,
  modeOf,
  modeWarnings,
  productionProblems,
  testProviderEnabled,
} from '../../src/platform/config.ts';
import { tracesEndpoint } from '../../src/platform/config-otel.ts';
import { paypalApiUrl } from '../../src/platform/config-paypal.ts';

describe('configuration', () => {
  it('refuses a value of the wrong type, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/Invalid configuration:\n {2}PORT: /);
  });

  it('names every invalid variable at once', () => {
    let message = '';
    try {
      loadConfig({ PORT: '70000', DATABASE_SCHEMA: 'Shop-1', WORKER_ENABLED: 'maybe', DATABASE_URL: 'nope' });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ['PORT', 'DATABASE_SCHEMA', 'WORKER_ENABLED', 'DATABASE_URL']) {
      expect(message).toMatch(new RegExp(`^ {2}${name}: `, 'm'));
    }
  });

  it('uses the defaults for unset or empty variables and reads booleans and numbers', () => {
    const config = loadConfig({
      PORT: '',
      DATA_DIR: 'var/bazaar',
      WORKER_ENABLED: 'no',
      WORKER_POLL_MS: '250',
    });
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATABASE_SCHEMA: 'public',
      WORKER_ENABLED: false,
      WORKER_POLL_MS: 250,
      SEED_DEMO: false,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('var/bazaar'));
  });

  it('has every variable documented in the operations guide', () => {
    const guide = fs.readFileSync(
      path.join(import.meta.dirname, '..', '..', 'docs', 'operations.md'),
      'utf8',
    );
    const missing = CONFIG_VARIABLES.filter((name) => !new RegExp(`^\\| \`${name}\` +\\|`, 'm').test(guide));
    expect(missing).toEqual([]);
  });
});

describe('modes', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A private data directory (0700), as production needs for the embedded database. */
  function privateDir(mode = 0o700): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-mode-'));
    fs.chmodSync(dir, mode);
    dirs.push(dir);
    return dir;
  }

  const safeProduction = (env: NodeJS.ProcessEnv = {}) =>
    loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: privateDir(),
      JWT_SECRET: 'j'.repeat(40),
      DATA_ENCRYPTION_KEY: 'd'.repeat(40),
      PUBLIC_URL: 'https://shop.example.com',
      ...env,
    });
  const settings = (config: ReturnType<typeof loadConfig>) =>
    productionProblems(config).map((p) => p.setting);

  it('runs in development mode unless NODE_ENV is production, tests included', () => {
    expect(modeOf(loadConfig({}))).toBe('development');
    expect(modeOf(loadConfig({ NODE_ENV: 'test' }))).toBe('development');
    expect(modeOf(loadConfig({ NODE_ENV: 'production' }))).toBe('production');
  });

  it('offers the test payment provider in development and only on request in production', () => {
    expect(testProviderEnabled(loadConfig({}))).toBe(true);
    expect(testProviderEnabled(loadConfig({ PAYMENTS_TEST_PROVIDER: 'false' }))).toBe(false);
    expect(testProviderEnabled(loadConfig({ NODE_ENV: 'production' }))).toBe(false);
    expect(testProviderEnabled(loadConfig({ NODE_ENV: 'production', PAYMENTS_TEST_PROVIDER: 'true' }))).toBe(
      true,
    );
  });

  it('finds nothing unsafe in a production configuration with its secrets, address and a private data directory', () => {
    const config = safeProduction();
    expect(productionProblems(config)).toEqual([]);
    expect(() => assertSafeForMode(config)).not.toThrow();
  });

  it('refuses production sending images to an S3 endpoint over plain http on another host', () => {
    const s3 = { MEDIA_STORAGE: 's3', S3_BUCKET: 'shop-media' };
    expect(settings(safeProduction({ ...s3, S3_ENDPOINT: 'http://minio.internal:9000' }))).toEqual([
      'S3_ENDPOINT',
    ]);
    expect(settings(safeProduction({ ...s3, S3_ENDPOINT: 'https://minio.internal:9000' }))).toEqual([]);
    expect(settings(safeProduction({ ...s3, S3_ENDPOINT: 'http://127.0.0.1:9000' }))).toEqual([]);
    expect(settings(safeProduction(s3))).toEqual([]);
  });

  it('refuses production sending the generator key and prompt over plain http to another host', () => {
    const llm = { GENERATOR_MODEL: 'store-writer' };
    expect(settings(safeProduction({ ...llm, GENERATOR_URL: 'http://models.internal/v1' }))).toEqual([
      'GENERATOR_URL',
    ]);
    expect(settings(safeProduction({ ...llm, GENERATOR_URL: 'https://api.example.com/v1' }))).toEqual([]);
    expect(settings(safeProduction({ ...llm, GENERATOR_URL: 'http://127.0.0.1:11434/v1' }))).toEqual([]);
    expect(settings(safeProduction({ GENERATOR_URL: 'https://api.example.com/v1' }))).toEqual([
      'GENERATOR_MODEL',
    ]);
    expect(generatorProblem(loadConfig({ GENERATOR_URL: 'http://models.internal/v1', ...llm }))).toBeNull();
    expect(loadConfig({}).GENERATOR_TIMEOUT_MS).toBe(60_000);
  });

  it('names what S3 storage lacks, in any mode', () => {
    expect(mediaStorageProblem(loadConfig({ MEDIA_STORAGE: 's3' }))?.setting).toBe('S3_BUCKET');
    expect(
      mediaStorageProblem(loadConfig({ MEDIA_STORAGE: 's3', S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'key' }))
        ?.setting,
    ).toBe('S3_ACCESS_KEY_ID');
    expect(mediaStorageProblem(loadConfig({ MEDIA_STORAGE: 's3', S3_BUCKET: 'media' }))).toBeNull();
    expect(mediaStorageProblem(loadConfig({}))).toBeNull();
  });

  it('refuses production without JWT_SECRET or DATA_ENCRYPTION_KEY (they would be generated beside the data)', () => {
    expect(settings(safeProduction({ JWT_SECRET: '' }))).toEqual(['JWT_SECRET']);
    expect(settings(safeProduction({ DATA_ENCRYPTION_KEY: '' }))).toEqual(['DATA_ENCRYPTION_KEY']);
  });

  it('refuses production without PUBLIC_URL', () => {
    expect(settings(safeProduction({ PUBLIC_URL: '' }))).toEqual(['PUBLIC_URL']);
  });

  it('refuses the test payment provider in production unless the public address is this machine', () => {
    expect(settings(safeProduction({ PAYMENTS_TEST_PROVIDER: 'true' }))).toEqual(['PAYMENTS_TEST_PROVIDER']);
    for (const local of [
      'http://localhost:3000',
      'http://127.0.0.1:8080/',
      'http://[::1]:3000',
      'http://shop.localhost',
    ]) {
      expect(settings(safeProduction({ PAYMENTS_TEST_PROVIDER: 'true', PUBLIC_URL: local })), local).toEqual(
        [],
      );
    }
    expect(
      settings(
        safeProduction({ PAYMENTS_TEST_PROVIDER: 'true', PUBLIC_URL: 'http://localhost.evil.example' }),
      ),
    ).toEqual(['PAYMENTS_TEST_PROVIDER']);
  });

  it('bills tenants with the test provider in development and with none in production unless asked', () => {
    expect(billingProviderName(loadConfig({}))).toBe('test');
    expect(billingProviderName(loadConfig({ NODE_ENV: 'production' }))).toBeNull();
    expect(billingProviderName(loadConfig({ NODE_ENV: 'production', BILLING_PROVIDER: 'razorpay' }))).toBe(
      'razorpay',
    );
    expect(loadConfig({}).BILLING_GRACE_DAYS).toBe(7);
    expect(() => loadConfig({ BILLING_PROVIDER: 'stripe' })).toThrow(/BILLING_PROVIDER/);
    expect(() => loadConfig({ BILLING_GRACE_DAYS: '-1' })).toThrow(/BILLING_GRACE_DAYS/);
  });

  it('refuses the test billing provider in production unless the public address is this machine', () => {
    expect(settings(safeProduction({ BILLING_PROVIDER: 'test' }))).toEqual(['BILLING_PROVIDER']);
    expect(
      settings(safeProduction({ BILLING_PROVIDER: 'test', PUBLIC_URL: 'http://localhost:3000' })),
    ).toEqual([]);
    expect(billingProblem(loadConfig({ BILLING_PROVIDER: 'test' }))).toBeNull();
  });

  it('names the Razorpay setting billing lacks, in any mode', () => {
    const razorpay = {
      BILLING_PROVIDER: 'razorpay',
      RAZORPAY_KEY_ID: 'rzp_live_k',
      RAZORPAY_KEY_SECRET: 's',
    };
    expect(billingProblem(loadConfig(razorpay))?.setting).toBe('RAZORPAY_WEBHOOK_SECRET');
    expect(billingProblem(loadConfig({ BILLING_PROVIDER: 'razorpay' }))?.setting).toBe('RAZORPAY_KEY_ID');
    expect(settings(safeProduction({ ...razorpay, RAZORPAY_WEBHOOK_SECRET: 'w' }))).toEqual([]);
    expect(settings(safeProduction(razorpay))).toEqual(['RAZORPAY_WEBHOOK_SECRET']);
  });

  it('uses live PayPal in production and refuses its sandbox, plain http or missing PayPal settings there', () => {
    const paypal = { PAYPAL_CLIENT_ID: 'id', PAYPAL_CLIENT_SECRET: 'secret', PAYPAL_WEBHOOK_ID: 'WH1' };
    expect(paypalApiUrl(safeProduction(paypal))).toBe('https://api-m.paypal.com');
    expect(paypalApiUrl(loadConfig(paypal))).toBe('https://api-m.sandbox.paypal.com');
    expect(settings(safeProduction(paypal))).toEqual([]);
    expect(
      settings(safeProduction({ ...paypal, PAYPAL_API_URL: 'https://api-m.sandbox.paypal.com' })),
    ).toEqual(['PAYPAL_API_URL']);
    expect(settings(safeProduction({ ...paypal, PAYPAL_API_URL: 'http://paypal.example.com' }))).toEqual([
      'PAYPAL_API_URL',
    ]);
    expect(settings(safeProduction({ PAYPAL_CLIENT_ID: 'id', PAYPAL_CLIENT_SECRET: 'secret' }))).toEqual([
      'PAYPAL_WEBHOOK_ID',
    ]);
    expect(productionProblems(loadConfig({ ...paypal, PAYPAL_API_URL: 'http://127.0.0.1:1' }))).toEqual([]);
  });

  it('refuses demo data in production', () => {
    expect(settings(safeProduction({ SEED_DEMO: 'true' }))).toEqual(['SEED_DEMO']);
  });

  it('refuses an embedded database in a data directory other users can reach, but not with PostgreSQL', () => {
    expect(settings(safeProduction({ DATA_DIR: privateDir(0o755) }))).toEqual(['DATA_DIR']);
    expect(settings(safeProduction({ DATA_DIR: privateDir(0o770) }))).toEqual(['DATA_DIR']);
    expect(
      settings(safeProduction({ DATA_DIR: privateDir(0o755), DATABASE_URL: 'postgres://db.internal/shop' })),
    ).toEqual([]);
    // a directory that does not exist yet is created private
    expect(settings(safeProduction({ DATA_DIR: path.join(privateDir(), 'new') }))).toEqual([]);
  });

  it('names every unsafe setting at once when refusing to start', () => {
    const config = safeProduction({ JWT_SECRET: '', PUBLIC_URL: '', SEED_DEMO: 'true' });
    expect(() => assertSafeForMode(config)).toThrow(/production mode/);
    let message = '';
    try {
      assertSafeForMode(config);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ['JWT_SECRET', 'PUBLIC_URL', 'SEED_DEMO']) {
      expect(message).toMatch(new RegExp(`^ {2}${name}: `, 'm'));
    }
  });

  it('lets development start with generated keys, no PUBLIC_URL and demo data', () => {
    const config = loadConfig({ DATA_DIR: privateDir(0o755), SEED_DEMO: 'true' });
    expect(productionProblems(config)).toEqual([]);
    expect(() => assertSafeForMode(config)).not.toThrow();
  });

  it('warns, without refusing, in development mode when the test provider is on behind a public address', () => {
    expect(modeWarnings(loadConfig({ PUBLIC_URL: 'https://shop.example.com' }))).toEqual([
      expect.stringMatching(/test payment provider.*NODE_ENV=production/),
    ]);
    expect(modeWarnings(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }))).toEqual([]);
    expect(
      modeWarnings(loadConfig({ PUBLIC_URL: 'https://shop.example.com', PAYMENTS_TEST_PROVIDER: 'false' })),
    ).toEqual([]);
  });

  it('refuses earlier signing secrets shorter than 32 characters in any mode', () => {
    expect(() => loadConfig({ JWT_PREVIOUS_SECRETS: `${'a'.repeat(40)},short` })).toThrow(
      /^ {2}JWT_PREVIOUS_SECRETS: /m,
    );
    expect(
      loadConfig({ JWT_PREVIOUS_SECRETS: `${'a'.repeat(40)}, ${'b'.repeat(32)}` }).JWT_PREVIOUS_SECRETS,
    ).toBe(`${'a'.repeat(40)}, ${'b'.repeat(32)}`);
  });
});

describe('TRUST_PROXY', () => {
  it('reads false, true (this host), a hop count or a list of addresses and CIDRs', () => {
    const read = (value: string) => loadConfig({ TRUST_PROXY: value }).TRUST_PROXY;
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(read('false')).toBe(false);
    expect(read('0')).toBe(false);
    expect(read('true')).toEqual(['loopback']);
    expect(read('2')).toBe(2);
    expect(read('10.0.0.0/8, 127.0.0.1,::1')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(read('loopback,uniquelocal')).toEqual(['loopback', 'uniquelocal']);
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['everyone', '10.0.0.0/33', '300.1.1.1', '1.5', '-1', '10.0.0.0/8,,']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: /);
    }
  });
});

describe('OpenTelemetry variables', () => {
  it('traces only when an endpoint is set, the traces endpoint taking precedence over the base', () => {
    expect(tracesEndpoint(loadConfig({}))).toBeNull();
    expect(tracesEndpoint(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318/' }))).toBe(
      'http://127.0.0.1:4318/v1/traces',
    );
    expect(
      tracesEndpoint(
        loadConfig({
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otlp.example.com/traces',
        }),
      ),
    ).toBe('https://otlp.example.com/traces');
    const defaults = loadConfig({});
    expect([defaults.OTEL_SERVICE_NAME, defaults.OTEL_TRACES_SAMPLER_ARG]).toEqual(['bazaar', 1]);
  });

  it('reads headers as percent-encoded key=value pairs and refuses anything else', () => {
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'X-Api-Key=a%3Db, tenant = shop ' })
        .OTEL_EXPORTER_OTLP_HEADERS,
    ).toEqual({
      'x-api-key': 'a=b',
      tenant: 'shop',
    });
    for (const bad of ['novalue', '=x', 'a b=c', 'k=%zz', 'k=a%0Ab']) {
      expect(() => loadConfig({ OTEL_EXPORTER_OTLP_HEADERS: bad }), bad).toThrow(
        /OTEL_EXPORTER_OTLP_HEADERS: /,
      );
    }
    expect(() => loadConfig({ OTEL_TRACES_SAMPLER_ARG: '1.5' })).toThrow(/OTEL_TRACES_SAMPLER_ARG: /);
  });

  it('warns in production mode of plain http to a collector off this host, refusing nothing', () => {
    const production = { NODE_ENV: 'production' };
    const warnings = (endpoint: string) =>
      modeWarnings(loadConfig({ ...production, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }));
    expect(warnings('http://collector.internal:4318')).toEqual([
      expect.stringMatching(/traces go to http:\/\/collector\.internal:4318 over plain http/),
    ]);
    expect(warnings('http://127.0.0.1:4318')).toEqual([]);
    expect(warnings('https://otlp.example.com')).toEqual([]);
    expect(
      modeWarnings(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector.internal:4318' })),
    ).toEqual([]);
  });
});
