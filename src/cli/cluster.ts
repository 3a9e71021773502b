// `bazaar start --workers N`: a primary process that forks N server processes sharing the port
// (node:cluster), starts another when one dies, and stops them all gracefully (docs/decisions/024).
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import type { Config } from '../platform/config.ts';
import type { Logger } from '../platform/observability/logger.ts';

/** What a server process tells the primary once it is ready (migrated, seeded, listening). */
export const READY_MESSAGE = 'bazaar:ready';

/** How long the primary waits for the processes to finish their requests on SIGTERM before SIGKILL. */
const SHUTDOWN_TIMEOUT_MS = 30_000;
/** A process that dies sooner than this after it started is restarted after a growing delay. */
const STABLE_MS = 10_000;
const RESTART_MAX_DELAY_MS = 30_000;

/** One process per core on PostgreSQL; the embedded database belongs to the one process that opened it. */
export function defaultWorkers(config: Pick<Config, 'DATABASE_URL'>): number {
  return config.DATABASE_URL ? os.availableParallelism() : 1;
}

/** Refuses what cannot work: several processes on the embedded database. */
export function checkWorkers(workers: number, config: Pick<Config, 'DATABASE_URL'>): void {
  if (workers > 1 && !config.DATABASE_URL)
    throw new Error(
      `--workers ${workers}: the embedded database serves one process; set DATABASE_URL to a PostgreSQL server to run more`,
    );
}

/** Whether this process seeds the demo data: a lone server, or the first one a primary forks. */
export function seedsDemo(): boolean {
  return !cluster.isWorker || cluster.worker?.id === 1;
}

/** Tells the primary (if there is one) that this server process is ready. */
export function reportReady(): void {
  if (cluster.isWorker) process.send?.(READY_MESSAGE);
}

/**
 * Runs the primary: forks the first process alone (it migrates and seeds), then the others once it
 * is ready; replaces any that dies until a signal asks them all to stop. Resolves never: the
 * process exits after the shutdown.
 */
export async function runPrimary(workers: number, log: Logger): Promise<void> {
  const live = new Set<Worker>();
  let stopping = false;
  let delay = 0;
  const fork = (): Worker => {
    const worker = cluster.fork();
    const started = Date.now();
    live.add(worker);
    worker.on('message', (message) => {
      if (message === READY_MESSAGE) log.info({ pid: worker.process.pid }, 'server process ready');
    });
    worker.on('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) return;
      delay = Date.now() - started < STABLE_MS ? Math.min(Math.max(delay * 2, 500), RESTART_MAX_DELAY_MS) : 0;
      log.error(
        { pid: worker.process.pid, code, signal, restartInMs: delay },
        'server process died; starting another',
      );
      setTimeout(() => {
        if (!stopping) fork();
      }, delay);
    });
    return worker;
  };
  onSignals(async (signal) => {
    stopping = true;
    log.info({ signal, processes: live.size }, 'stopping the server processes');
    await stopAll([...live]);
    process.exit(0);
  });
  await ready(fork());
  await Promise.all(Array.from({ length: workers - 1 }, () => ready(fork())));
  log.info({ processes: workers, pid: process.pid }, 'server processes started');
}

/** Resolves when the process reports ready; fails if it exits first. */
function ready(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    worker.on('message', (message) => message === READY_MESSAGE && resolve());
    worker.once('exit', (code) => reject(new Error(`a server process exited (${code}) before it was ready`)));
  });
}

function onSignals(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void stop(signal);
  };
  process.on('SIGINT', () => handle('SIGINT'));
  process.on('SIGTERM', () => handle('SIGTERM'));
}

/** SIGTERM to each (they finish their requests and jobs in hand), SIGKILL to any still running after the timeout. */
async function stopAll(workers: Worker[]): Promise<void> {
  const exited = workers.map((w) =>
    w.isDead() ? Promise.resolve() : new Promise<void>((resolve) => w.once('exit', () => resolve())),
  );
  for (const w of workers) if (!w.isDead()) w.process.kill('SIGTERM');
  const timeout = setTimeout(() => {
    for (const w of workers) if (!w.isDead()) w.process.kill('SIGKILL');
  }, SHUTDOWN_TIMEOUT_MS);
  await Promise.all(exited);
  clearTimeout(timeout);
}
