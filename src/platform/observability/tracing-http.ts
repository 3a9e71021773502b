// One server span per HTTP request (decision 039). Registered only when tracing is on: a server
// without it has none of these hooks.
import { type Context, type Span, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { ZodApp } from '../http/app.ts';
import { recordError, SpanKind, type Tracing } from './tracing.ts';

const SPAN = Symbol('request span');
const CONTEXT = Symbol('request trace context');
const ERROR = Symbol('request error');

type Traced = FastifyRequest & { [SPAN]: Span | null; [CONTEXT]: Context | null; [ERROR]: unknown };

/**
 * Starts a span as each request is routed (named by its route template, continuing the caller's
 * W3C `traceparent` if it sends one), runs the request's hooks and handler in its context, and
 * ends it with the status and the store once answered. The caller's trace id is not sent back:
 * `x-request-id` remains what a caller quotes, and the logs carry both.
 */
export function traceHttpRequests(app: ZodApp, tracing: Tracing): void {
  app.decorateRequest(SPAN, null);
  app.decorateRequest(CONTEXT, null);
  app.decorateRequest(ERROR, null);
  app.addHook('onRequest', (req, _reply, done) => {
    const parent = tracing.continued(req.headers);
    const route = req.routeOptions.url;
    const span = tracing.tracer.startSpan(
      route ? `${req.method} ${route}` : req.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': req.method,
          'url.path': req.url.split('?')[0]!,
          'url.scheme': req.protocol,
          ...(route ? { 'http.route': route } : {}),
        },
      },
      parent,
    );
    const context = trace.setSpan(parent, span);
    (req as Traced)[SPAN] = span;
    (req as Traced)[CONTEXT] = context;
    const traceId = span.spanContext().traceId;
    req.log = req.log.child({ traceId });
    tracing.with(context, done);
  });
  // A body arrives on the socket's own events, outside the request's context: enter it again.
  const reenter = (req: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const context = (req as Traced)[CONTEXT];
    if (context) tracing.with(context, done);
    else done();
  };
  app.addHook('preValidation', reenter);
  app.addHook('preHandler', reenter);
  // the error handler picks the status after this hook: the span records the error if it was a 5xx
  app.addHook('onError', (req, _reply, error, done) => {
    (req as Traced)[ERROR] = error;
    done();
  });
  app.addHook('onResponse', (req, reply, done) => {
    endSpan(req as Traced, reply.statusCode);
    done();
  });
  app.addHook('onRequestAbort', (req, done) => {
    endSpan(req as Traced, null);
    done();
  });
}

function endSpan(req: Traced, status: number | null): void {
  const span = req[SPAN];
  if (!span) return;
  req[SPAN] = null;
  req[CONTEXT] = null;
  if (status !== null) span.setAttribute('http.response.status_code', status);
  else span.setAttribute('bazaar.request.aborted', true);
  const storeId = req.ctx?.storeId;
  if (storeId) span.setAttribute('bazaar.store.id', storeId);
  // 503 answers "not ready yet"; every other 5xx is a fault (as the request log counts them)
  if (status !== null && status >= 500 && status !== 503) {
    if (req[ERROR]) recordError(span, req[ERROR]);
    else span.setStatus({ code: SpanStatusCode.ERROR });
  }
  req[ERROR] = null;
  span.end();
}
