import { PasswordHasher } from '../../src/modules/identity/index.ts';
import { type BenchSuite, json, type LoadResult, load, type MetricRow, startServer } from '../lib.ts';

/** argon2id hashes per second with the production parameters, `parallel` at a time. */
async function hashRate(seconds: number, parallel: number): Promise<MetricRow> {
  const hasher = new PasswordHasher({ concurrency: parallel, maxQueue: parallel });
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: parallel }, async (_, i) => {
      while (performance.now() < until) {
        await hasher.hash(`bench-password-${i}-${done}`);
        done++;
      }
    }),
  );
  const rate = done / ((performance.now() - started) / 1000);
  return {
    name: `argon2id hash (m=19 MiB, t=2), ${parallel} at a time`,
    value: Math.round(rate * 10) / 10,
    unit: 'hashes/s',
  };
}

const suite: BenchSuite = {
  name: 'identity',
  description: 'password hashing, and GET /api/v1/me (token check + session and user lookup)',
  async run(options) {
    const rows: Array<LoadResult | MetricRow> = [];
    const seconds = Math.min(options.durationSeconds, 5);
    rows.push(await hashRate(seconds, 1));
    rows.push(await hashRate(seconds, 4));
    for (const db of options.databases) {
      const server = await startServer(db, options);
      try {
        const session = await json<{ accessToken: string }>(server, 'POST', '/api/v1/auth/login', {
          email: server.adminEmail,
          password: server.adminPassword,
        });
        rows.push(
          await load('GET /api/v1/me', server, options, {
            path: '/api/v1/me',
            headers: { authorization: `Bearer ${session.accessToken}` },
            connections: 32,
          }),
        );
      } finally {
        await server.stop();
      }
    }
    return rows;
  },
};
export default suite;
