// A throwaway PostgreSQL 15 primary with a streaming hot standby, for the read replica suite. The
// machine's own server has no replication access and is left alone: this pair is initdb'd in a
// temporary directory (as the `postgres` OS user when run as root: initdb and postgres refuse
// root), started on free ports, and stopped and removed by `stop()`.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why the pair cannot be made here, or null. */
export function pairUnavailable(): string | null {
  if (!process.env.DATABASE_URL) return 'runs in the PostgreSQL pass only (DATABASE_URL unset)';
  for (const bin of ['initdb', 'pg_ctl', 'pg_basebackup'])
    if (!fs.existsSync(path.join(PG_BIN, bin))) return `${PG_BIN}/${bin} not found (set PG_BIN)`;
  if (process.getuid?.() === 0 && !fs.existsSync('/usr/sbin/runuser') && !fs.existsSync('/sbin/runuser'))
    return 'running as root without runuser to start PostgreSQL as postgres';
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Runs a PostgreSQL program as the postgres OS user when this process is root. */
function pgRun(bin: string, args: string[]) {
  const file = path.join(PG_BIN, bin);
  return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
}

export interface ReplicaPair {
  primaryUrl: string;
  standbyUrl: string;
  /** Runs one statement on the primary or the standby, outside any server. */
  query<R extends pg.QueryResultRow>(on: 'primary' | 'standby', sql: string): Promise<R[]>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Waits until the standby has replayed everything the primary has written so far. */
  caughtUp(): Promise<void>;
  stopStandby(): Promise<void>;
  stop(): Promise<void>;
}

const FAST = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-pair-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    fs.chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const primaryDir = path.join(dir, 'primary');
  const standbyDir = path.join(dir, 'standby');
  const started: string[] = [];
  const start = async (data: string, port: number) => {
    const options = ['-p', port, '-k', dir, '-c', 'listen_addresses=127.0.0.1', ...FAST].join(' ');
    await pgRun('pg_ctl', ['-D', data, '-o', options, '-l', `${data}.log`, '-w', 'start']);
    started.push(data);
  };
  const stopServer = async (data: string) => {
    if (!started.includes(data)) return;
    started.splice(started.indexOf(data), 1);
    await pgRun('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
  };
  const stop = async () => {
    for (const data of [...started].reverse()) await stopServer(data);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await pgRun('initdb', [
      '-D',
      primaryDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '--no-sync',
      '--no-instructions',
    ]);
    fs.appendFileSync(path.join(primaryDir, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
    await start(primaryDir, primaryPort);
    await pgRun('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres'],
      ...['-D', standbyDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'],
    ]);
    await start(standbyDir, standbyPort);
  } catch (error) {
    await stop();
    throw error;
  }
  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
  const standbyUrl = `postgres://postgres@127.0.0.1:${standbyPort}/postgres`;
  const query = async <R extends pg.QueryResultRow>(on: 'primary' | 'standby', sql: string) => {
    const client = new pg.Client({ connectionString: on === 'primary' ? primaryUrl : standbyUrl });
    await client.connect();
    try {
      return (await client.query<R>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  await until('the standby to stream', async () => {
    const rows = await query('primary', "SELECT 1 FROM pg_stat_replication WHERE state = 'streaming'");
    return rows.length > 0;
  });
  return {
    primaryUrl,
    standbyUrl,
    query,
    pauseReplay: async () => void (await query('standby', 'SELECT pg_wal_replay_pause()')),
    resumeReplay: async () => void (await query('standby', 'SELECT pg_wal_replay_resume()')),
    async caughtUp() {
      const [row] = await query<{ lsn: string }>('primary', 'SELECT pg_current_wal_lsn()::text AS lsn');
      const lsn = row!.lsn;
      await until('the standby to replay', async () => {
        const [row] = await query<{ done: boolean }>(
          'standby',
          `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`,
        );
        return row!.done;
      });
    },
    stopStandby: () => stopServer(standbyDir),
    stop,
  };
}
