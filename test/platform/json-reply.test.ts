import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sendJsonOnce } from '../../src/platform/http/json-reply.ts';

const Report = z.object({ total: z.number().int() });
const held = { total: 1, internal: 'not sent' };
let current: { total: number } = held;
const app = Fastify().withTypeProvider<ZodTypeProvider>();

beforeAll(async () => {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.get('/report', { schema: { response: { 200: Report } } }, (_req, reply) => {
    sendJsonOnce(reply, current);
  });
  await app.ready();
});
afterAll(() => app.close());

describe('sendJsonOnce', () => {
  it('answers through the route response schema, as JSON', async () => {
    const res = await app.inject({ method: 'GET', url: '/report' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toEqual({ total: 1 });
  });

  it('sends the text of its first serialisation for the same object, and serialises a new object anew', async () => {
    held.total = 2; // a held answer is never changed; changed here, it shows the text is reused
    expect((await app.inject({ method: 'GET', url: '/report' })).json()).toEqual({ total: 1 });
    current = { total: 3 };
    expect((await app.inject({ method: 'GET', url: '/report' })).json()).toEqual({ total: 3 });
  });

  it('fails the answer when the object does not match the schema (500, not a malformed body)', async () => {
    current = { total: 1.5 };
    expect((await app.inject({ method: 'GET', url: '/report' })).statusCode).toBe(500);
  });
});
