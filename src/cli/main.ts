import cluster from 'node:cluster';
import fs from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { assertSafeForMode, loadConfig, modeOf } from '../platform/config.ts';
import type { DemoAccount } from '../platform/module.ts';
import { flushLogs } from '../platform/observability/logger.ts';
import type { Server } from '../server.ts';
import { checkWorkers, defaultWorkers, reportReady, runPrimary, seedsDemo } from './cluster.ts';

/**
 * The application, loaded once a command's configuration is known to be valid: a refusal (bad or
 * unsafe settings) answers at once instead of after loading every module.
 */
async function createServer(...args: Parameters<typeof import('../server.ts').createServer>) {
  assertSafeForMode(args[0].config);
  const { createServer: create } = await import('../server.ts');
  return create(...args);
}

const program = new Command('bazaar').description('Bazaar commerce platform').showHelpAfterError();

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
}

const CONSOLE_OF: Record<string, string> = { ADMIN: '/admin', SELLER: '/seller', DELIVERY_AGENT: '/agent' };

/** The one time demo passwords are shown: on stdout, beside (not inside) the log. */
function printDemoAccounts(accounts: DemoAccount[], url: string): void {
  const width = Math.max(...accounts.map((a) => a.email.length));
  const lines = accounts.map(
    (a) => `  ${a.email.padEnd(width)}  ${a.password}  ${a.role ? `${url}${CONSOLE_OF[a.role] ?? ''}` : ''}`,
  );
  flushLogs();
  process.stdout.write(
    `\nDemo accounts (development mode; these passwords are shown once and not stored).\n` +
      `The shop is at ${url}/; sign in to a console at the address beside each account:\n${lines.join('\n')}\n\n`,
  );
}

async function closeOnSignals(server: Server) {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

program
  .command('start')
  .description('Run the API server (and, by default, the job worker in each process)')
  .option(
    '--workers <n>',
    'server processes sharing the port (default: one per core on PostgreSQL; the embedded database allows 1)',
    positiveInt,
  )
  .action(async (opts: { workers?: number }) => {
    const started = performance.now();
    // Development mode seeds the demo data unless told not to; production never does by default.
    const given = loadConfig();
    const workers = opts.workers ?? defaultWorkers(given);
    checkWorkers(workers, given);
    if (workers > 1 && cluster.isPrimary) {
      assertSafeForMode(given);
      const { createLogger } = await import('../platform/observability/logger.ts');
      return runPrimary(workers, createLogger(given));
    }
    const seed = seedsDemo() && (process.env.SEED_DEMO ? given.SEED_DEMO : modeOf(given) === 'development');
    const config = { ...given, SEED_DEMO: seed };
    const server = await createServer({ config });
    await closeOnSignals(server);
    const listen = async () => {
      await server.app.listen({ port: config.PORT, host: config.HOST });
      await server.listenMetrics();
    };
    // A lone server answers /readyz while it starts; one of several takes requests once ready.
    if (!cluster.isWorker) await listen();
    await server.prepare(
      config.SEED_DEMO
        ? {
            demo: true,
            products: config.SEED_DEMO_PRODUCTS,
            progress: false,
            onDemoAccounts: (accounts) => printDemoAccounts(accounts, `http://${config.HOST}:${config.PORT}`),
          }
        : undefined,
    );
    if (cluster.isWorker) await listen();
    if (config.WORKER_ENABLED) server.worker.start();
    reportReady();
    server.log.info(
      {
        url: `http://${config.HOST}:${config.PORT}`,
        database: server.database.kind,
        ms: Math.round(performance.now() - started),
      },
      'Bazaar is ready',
    );
  });

program
  .command('worker')
  .description('Run only the job worker')
  .action(async () => {
    const config = loadConfig();
    const server = await createServer({ config });
    await closeOnSignals(server);
    await server.listenMetrics();
    await server.prepare();
    server.worker.start();
    server.log.info('worker running');
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(async () => {
    const config = loadConfig();
    const server = await createServer({ config });
    const { migrate } = await import('../platform/db/migrator.ts');
    const result = await migrate(server.database.pool, server.migrationSources, server.log);
    console.log(`${result.applied.length} applied, ${result.skipped} already applied`);
    await server.close();
  });

program
  .command('seed')
  .description('Seed the database with what each module provides')
  .option('--demo', 'seed the demo catalog', false)
  .option('--products <n>', 'demo catalog size', positiveInt, 1000)
  .option(
    '--history <days>',
    'with --demo: past orders over the last DAYS days, then the rollups recounted',
    positiveInt,
  )
  .option('--orders <n>', 'with --history: how many past orders (default: 100 a day)', positiveInt)
  .action(async (opts: { demo: boolean; products: number; history?: number; orders?: number }) => {
    const config = loadConfig();
    const server = await createServer({ config });
    await server.prepare();
    await server.seed({
      demo: opts.demo,
      products: opts.products,
      ...(opts.history ? { history: { days: opts.history, orders: opts.orders ?? opts.history * 100 } } : {}),
      progress: process.stderr.isTTY,
      onDemoAccounts: (accounts) => printDemoAccounts(accounts, `http://${config.HOST}:${config.PORT}`),
    });
    await server.close();
  });

const importCommand = program.command('import').description('Import data from files');
importCommand
  .command('products')
  .description('Import products from a Shopify product CSV (upsert by handle and SKU)')
  .argument('<file>', 'CSV file')
  .option('--store <id>', 'store id (default: the default store)')
  .action(async (file: string, opts: { store?: string }) => {
    fs.accessSync(file, fs.constants.R_OK); // a missing file is reported before the database opens
    const config = loadConfig();
    const server = await createServer({ config });
    try {
      await server.prepare();
      const storeId = opts.store ?? server.modules.tenancy.defaultStore().id;
      const bar = new SingleBar(
        { format: 'import |{bar}| {value}/{total} products  {eta_formatted} left', hideCursor: true },
        Presets.shades_classic,
      );
      let started = false;
      const report = await server.modules.catalog.importFile(
        storeId,
        fs.createReadStream(file),
        (done, total) => {
          if (!started) {
            bar.start(total, 0);
            started = true;
          }
          bar.update(done);
        },
      );
      if (started) bar.stop();
      console.log(
        `${report.rows} rows, ${report.products} products: ${report.created} created, ${report.updated} updated, ` +
          `${report.unchanged} unchanged, ${report.failed} failed`,
      );
      for (const e of report.errors)
        console.log(`  line ${e.line}${e.handle ? ` (${e.handle})` : ''}: ${e.reason}`);
      process.exitCode = report.errors.length ? 2 : 0;
    } finally {
      await server.close();
    }
  });

const analyticsCommand = program.command('analytics').description('Analytics rollups');
analyticsCommand
  .command('rebuild')
  .description(
    "Recount a store's rollups for the days from FROM to TO (YYYY-MM-DD, both included) from its orders and refunds",
  )
  .requiredOption('--from <day>', 'first day')
  .requiredOption('--to <day>', 'last day')
  .option('--store <id>', 'store id (default: the default store)')
  .action(async (opts: { from: string; to: string; store?: string }) => {
    const config = loadConfig();
    const server = await createServer({ config });
    try {
      await server.prepare();
      const { systemCtx } = await import('../platform/http/context.ts');
      const storeId = opts.store ?? server.modules.tenancy.defaultStore().id;
      const ctx = systemCtx(server.database.db, storeId, server.app.log, { reason: 'analytics rebuild' });
      const result = await server.modules.analytics.rollups.rebuild(ctx, { from: opts.from, to: opts.to });
      console.log(`${result.days} days recounted: ${result.orders} orders`);
    } finally {
      await server.close();
    }
  });

const forecastCommand = program.command('forecast').description('Stock forecasts and reorder suggestions');
forecastCommand
  .command('run')
  .description("Forecast every stocked offer's demand for today (what the daily job does), for one store")
  .option('--store <id>', 'store id (default: the default store)')
  .action(async (opts: { store?: string }) => {
    await withStore(opts.store, 'forecast run', async (server, ctx) => {
      const { day, offers } = await server.modules.inventory.forecasts.run(ctx);
      console.log(`${offers} offers forecast for ${day}`);
    });
  });
forecastCommand
  .command('backtest')
  .description(
    'Hold out the last DAYS days of sales, forecast them from the days before, and report the error',
  )
  .option('--days <n>', 'days held out', positiveInt, 28)
  .option('--store <id>', 'store id (default: the default store)')
  .action(async (opts: { days: number; store?: string }) => {
    await withStore(opts.store, 'forecast backtest', async (server, ctx) => {
      const report = await server.modules.inventory.forecasts.backtest(ctx, { holdoutDays: opts.days });
      console.log(JSON.stringify(report, null, 2));
    });
  });

/** Opens the server, runs `work` in one store (the default one unless given), and closes it. */
async function withStore(
  storeId: string | undefined,
  reason: string,
  work: (server: Server, ctx: import('../platform/http/context.ts').Ctx) => Promise<void>,
) {
  const server = await createServer({ config: loadConfig() });
  try {
    await server.prepare();
    const { systemCtx } = await import('../platform/http/context.ts');
    const store = storeId ?? server.modules.tenancy.defaultStore().id;
    await work(server, systemCtx(server.database.db, store, server.app.log, { reason }));
  } finally {
    await server.close();
  }
}

program
  .command('create-admin')
  .description('Create a store administrator (an existing account needs its own password)')
  .requiredOption('--email <email>', 'email address')
  .requiredOption('--password <password>', 'password (at least 10 characters, not a common one)')
  .action(async (opts: { email: string; password: string }) => {
    const config = loadConfig();
    const server = await createServer({ config });
    try {
      await server.prepare();
      const { systemCtx } = await import('../platform/http/context.ts');
      const admin = await server.modules.identity.service.ensureAdmin(
        systemCtx(server.database.db, server.modules.tenancy.defaultStore().id, server.app.log),
        opts.email,
        opts.password,
      );
      console.log(`administrator ${admin.email} (${admin.id}) is ready`);
    } finally {
      await server.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
