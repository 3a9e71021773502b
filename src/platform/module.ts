import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Invalidations } from './db/invalidations.ts';
import type { MonthlyTable } from './db/partitions.ts';
import type { ZodApp } from './http/app.ts';
import type { RecentWriters } from './http/read-routing.ts';
import type { Jobs } from './jobs/jobs.ts';
import type { Logger } from './observability/logger.ts';
import type { Metrics } from './observability/metrics.ts';
import type { Tracing } from './observability/tracing.ts';

/** What the composition root hands every module. */
export interface Platform {
  config: Config;
  log: Logger;
  database: Database;
  /** Tells every process's caches what a write made stale (LISTEN/NOTIFY). */
  invalidations: Invalidations;
  /** Who wrote lately, for read-your-writes over read replicas (decision 038); absent without replicas. */
  recentWriters?: RecentWriters;
  jobs: Jobs;
  metrics: Metrics;
  /** Null unless traces are exported (decision 039). */
  tracing: Tracing | null;
}

/** A demo account made by a seed, with the random password it was given (shown once, never stored). */
export interface DemoAccount {
  email: string;
  password: string;
  /** What the account is for: ADMIN signs in at /admin, SELLER at /seller, DELIVERY_AGENT at /agent. */
  role?: string;
}

export interface SeedOptions {
  demo: boolean;
  products?: number;
  progress?: boolean;
  /** With `demo`: past orders (delivered and paid) over the last `days` days, then the rollups recounted. */
  history?: { days: number; orders: number };
  /** Told the demo accounts a seed creates, the one time their passwords are known. */
  onDemoAccounts?: (accounts: DemoAccount[]) => void;
}

/** A module as the server assembles it: its migrations, routes, jobs and start-up work. */
export interface BazaarModule {
  name: string;
  /** Folder of numbered SQL files owned by this module. */
  migrations?: string;
  /** Routes under /api/v1. */
  routes?: (app: ZodApp) => void | Promise<void>;
  /** Hooks on every /api/v1 route (store resolution, authentication), in module order. */
  hooks?: (app: ZodApp) => void | Promise<void>;
  /** Its tables partitioned by month (decision 036), kept made ahead and pruned by the platform. */
  partitioned?: MonthlyTable[];
  /** Work after migrations and before the server reports ready. */
  onReady?: () => Promise<void>;
  seed?: (options: SeedOptions) => Promise<void>;
  /** Work before the database closes: writing what the module holds in memory, releasing connections to providers. */
  close?: () => void | Promise<void>;
}
