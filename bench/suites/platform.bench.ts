import { type BenchSuite, load, startServer } from '../lib.ts';

const suite: BenchSuite = {
  name: 'platform',
  description: 'the HTTP stack alone: /healthz and the store lookup',
  async run(options) {
    const rows = [];
    for (const db of options.databases) {
      const server = await startServer(db, options);
      try {
        rows.push(await load('GET /healthz', server, options, { path: '/healthz' }));
        rows.push(await load('GET /api/v1/store', server, options, { path: '/api/v1/store' }));
      } finally {
        await server.stop();
      }
    }
    return rows;
  },
};
export default suite;
