// A bare Fastify route, the yardstick of the HTTP stack's own cost: no hooks, no logger, the
// answer /healthz gives. Listens on PORT and prints "listening" once it does.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ status: 'ok', mode: 'development' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('listening');
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
