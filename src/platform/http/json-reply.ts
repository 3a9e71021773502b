import type { FastifyReply } from 'fastify';

// Answers served many times over (a dashboard's report held in its answer cache) are validated and
// serialised through the route's response schema once, the first time they are sent; later sends of
// the same object send that text as it is. Keyed by the object, so a new answer is serialised anew
// and one no longer held is forgotten with it.
const bodies = new WeakMap<object, ReturnType<FastifyReply['serialize']>>();

/** Sends `value` as the route's JSON answer, serialising each object once. */
export function sendJsonOnce(reply: FastifyReply, value: object) {
  let body = bodies.get(value);
  if (body === undefined) {
    body = reply.serialize(value);
    bodies.set(value, body);
  }
  return reply.type('application/json; charset=utf-8').send(body);
}
