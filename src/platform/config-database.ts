// Read replicas' settings beyond the variables themselves (config.ts): the URLs of the list, and
// what any mode refuses (decision 038).
import type { Config, UnsafeSetting } from './config.ts';

type ReadConfig = Pick<
  Config,
  'DATABASE_URL' | 'DATABASE_READ_URL' | 'DATABASE_READ_MAX_LAG_MS' | 'DATABASE_READ_STICKY_MS'
>;

/** The replicas' URLs, in order (empty without DATABASE_READ_URL). */
export function readUrls(config: Pick<Config, 'DATABASE_READ_URL'>): string[] {
  return (config.DATABASE_READ_URL ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function isPostgresUrl(url: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Replicas need DATABASE_URL (the embedded database has no standby), URLs PostgreSQL's client
 * takes, and a sticky window at least as long as the lag a replica may serve with: otherwise a
 * principal's reads could return to a replica that has not yet replayed their write.
 */
export function readReplicaProblem(config: ReadConfig): UnsafeSetting | null {
  const urls = readUrls(config);
  if (urls.length === 0) return null;
  if (!config.DATABASE_URL)
    return {
      setting: 'DATABASE_READ_URL',
      reason:
        'read replicas are PostgreSQL standbys of DATABASE_URL; the embedded database (PGlite) has none: set DATABASE_URL or unset DATABASE_READ_URL',
    };
  const bad = urls.findIndex((url) => !isPostgresUrl(url));
  if (bad >= 0)
    return {
      setting: 'DATABASE_READ_URL',
      reason: `entry ${bad + 1} is not a postgres:// URL (the list is comma-separated)`,
    };
  if (config.DATABASE_READ_STICKY_MS < config.DATABASE_READ_MAX_LAG_MS)
    return {
      setting: 'DATABASE_READ_STICKY_MS',
      reason: `${config.DATABASE_READ_STICKY_MS} ms is shorter than DATABASE_READ_MAX_LAG_MS (${config.DATABASE_READ_MAX_LAG_MS} ms): a writer's reads could return to a replica that lacks the write`,
    };
  return null;
}

/** Stops the start, in any mode, when the read replicas' settings cannot work. */
export function assertReadReplicas(config: ReadConfig): void {
  const problem = readReplicaProblem(config);
  if (problem) throw new Error(`Invalid configuration:\n  ${problem.setting}: ${problem.reason}`);
}
