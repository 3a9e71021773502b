import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Tracing } from '../observability/tracing.ts';
import { traceHttpRequests } from '../observability/tracing-http.ts';
import type { Ctx } from './context.ts';
import { edgeServerOptions, escapePointer, refuseUnsafeText } from './edge.ts';
import { AppError, type FieldError, problem, ServiceUnavailable, TooManyRequests } from './errors.ts';
import { documentComponents, documentRoute } from './openapi.ts';
import { securityHeaders } from './security-headers.ts';

/** The Fastify instance every module registers its routes on, typed by zod schemas. */
export type ZodApp = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
  interface FastifyContextConfig {
    /** The call works in a store that is not published yet, for anyone (staff must sign in there). */
    openWhileUnpublished?: boolean;
    /**
     * The call works for a visitor of a store's preview link (the cart), besides the reads; any
     * other change a previewing visitor asks for is 409 `store-not-published` (decision 018).
     */
    openInPreview?: boolean;
    /** The call places an order: in a store not published yet it is 409 `store-not-published`, staff too. */
    publishedOnly?: boolean;
    /** The call works in the platform realm (platform accounts, tenants, plans), not in a store. */
    platform?: boolean;
    /**
     * The call counts against a limit its service keeps (per account, per cart): it can answer 429
     * with Retry-After, as the calls with a per-address `rateLimit` can (see openapi.ts).
     */
    ownLimit?: boolean;
    /**
     * The call finds its rows in whichever store they are (a provider's webhook names a payment,
     * not a store), so it is not bound to the request's store by row-level security (decision 016).
     */
    acrossStores?: boolean;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const LOCATION: Record<string, FieldError['in']> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

export interface HttpOptions {
  config: Config;
  log: Logger;
  metrics: Metrics;
  version: string;
  /** A span per request when traces are exported; without it, no hook for them at all. */
  tracing?: Tracing | null;
}

export async function createHttpApp(options: HttpOptions): Promise<ZodApp> {
  const app = newFastify(options.config, options.log);
  acceptJsonOnly(app);
  useZodSchemas(app);
  if (options.tracing) traceHttpRequests(app, options.tracing);
  traceRequests(app, options.metrics);
  await addCorsHeaders(app, options.config);
  await publishOpenApi(app, options.version);
  answerErrorsAsProblems(app);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}

function newFastify(config: Config, log: Logger): ZodApp {
  const edge = edgeServerOptions(config);
  return Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // a hop count trusts that many proxies whoever they are (Fastify's own number form trusts none)
    trustProxy: typeof config.TRUST_PROXY === 'number' ? trustHops(config.TRUST_PROXY) : config.TRUST_PROXY,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    // Request limits (edge.ts): timeouts, path-id length; the router's own errors as problem+json.
    ...edge,
    routerOptions: { ...edge.routerOptions, ignoreTrailingSlash: true },
    frameworkErrors: (error, req, reply) => {
      reply.header('x-request-id', req.id);
      return sendError(error, req, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();
}

/**
 * JSON only (415 for anything else, before the body is read); scopes that need another media
 * type (provider webhooks, the CSV import) add their own parser.
 */
function acceptJsonOnly(app: ZodApp): void {
  app.removeContentTypeParser('text/plain');
  refuseUnsafeText(app);
}

/** Zod validates requests (queries strictly) and serializes responses; `req.ctx` is set per request. */
function useZodSchemas(app: ZodApp): void {
  app.setValidatorCompiler<z.ZodType>((route) =>
    validatorCompiler(
      route.httpPart === 'querystring' ? { ...route, schema: strictQuery(route.schema) } : route,
    ),
  );
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('ctx', null as unknown as Ctx);
}

/**
 * Every answer carries its request id and the security headers (computed once); every request is
 * timed and logged once. The hooks take callbacks, so no request allocates a promise for them.
 */
function traceRequests(app: ZodApp, metrics: Metrics): void {
  const headers = securityHeaders();
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(headers);
    reply.header('x-request-id', req.id);
    done();
  });
  const durations = boundDurations(metrics);
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    durations(req.method, route, reply.statusCode).observe(reply.elapsedTime / 1000);
    // 503 is an expected answer (not ready yet); any other 5xx is a fault
    const level = reply.statusCode >= 500 && reply.statusCode !== 503 ? 'error' : 'info';
    // The route pattern and the path, never the query string (it can carry emails and phones).
    if ((req.log as Logger).isLevelEnabled(level))
      req.log[level](
        {
          method: req.method,
          route,
          path: req.url.split('?')[0],
          statusCode: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    done();
  });
}

/** The duration histogram's child per method, route and status, bound once and reused. */
function boundDurations(metrics: Metrics) {
  const bound = new Map<string, { observe(seconds: number): void }>();
  return (method: string, route: string, status: number) => {
    const key = `${method} ${status} ${route}`;
    let child = bound.get(key);
    if (!child) {
      child = metrics.httpDuration.labels({ method, route, status_code: String(status) });
      // routes are patterns, so the keys are bounded by routes × methods × statuses
      bound.set(key, child);
    }
    return child;
  };
}

async function addCorsHeaders(app: ZodApp, config: Config): Promise<void> {
  const origins = config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  await app.register(cors, {
    origin: origins.includes('*') ? true : origins,
    exposedHeaders: ['x-request-id', 'retry-after', 'location'],
  });
}

/** The OpenAPI 3.1 document, built from the routes' zod schemas, and its browsable reference. */
async function publishOpenApi(app: ZodApp, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bazaar API',
        version,
        description:
          'Commerce platform API. Errors are application/problem+json (RFC 9457), each operation declaring the ones it can answer.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: documentRoute,
    transformObject: documentComponents,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}

function answerErrorsAsProblems(app: ZodApp): void {
  app.setErrorHandler((error: FastifyError, req, reply) => sendError(error, req, reply));
  app.setNotFoundHandler((req, reply) => {
    void reply
      .code(404)
      .type('application/problem+json')
      .send(
        problem(404, 'route-not-found', 'Not Found', `No route for ${req.method} ${req.url.split('?')[0]}.`),
      );
  });
}

/**
 * Unknown query keys are 400 on every route with a query schema (they would otherwise pass
 * silently, and could vary a cache key); a schema that takes open-ended keys declares a catchall.
 */
function strictQuery<T>(schema: T): T {
  return schema instanceof z.ZodObject && !schema.def.catchall ? (schema.strict() as T) : schema;
}

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

function sendError(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const body = toProblem(error, req);
  if (body.status >= 500 && body.status !== 503) req.log.error({ err: error }, 'request failed');
  if (error instanceof TooManyRequests || error instanceof ServiceUnavailable)
    reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.code(body.status).type('application/problem+json').send(body);
}

function toProblem(error: FastifyError, req: FastifyRequest) {
  const instance = req.url.split('?')[0];
  if (error instanceof AppError) {
    return { ...problem(error.status, error.code, error.title, error.detail, error.extra), instance };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = LOCATION[error.validationContext ?? 'body'] ?? 'body';
    // a path that names nothing that can exist is an unknown id: 404, as unknown ids are
    if (where === 'params')
      return { ...problem(404, 'not-found', 'Not Found', 'Nothing has this id.'), instance };
    const errors: FieldError[] = error.validation.flatMap((v) => fieldErrors(v, where));
    const detail = `${errors.length} invalid field${errors.length === 1 ? '' : 's'} in ${where}.`;
    return {
      ...problem(400, 'validation-failed', 'Your request is not valid.', detail, { errors }),
      instance,
    };
  }
  return { ...frameworkProblem(error), instance };
}

type ValidationIssue = { instancePath: string; message?: string; keyword?: string; params?: unknown };

/** One field error per issue; an unknown key is reported at the key itself. */
function fieldErrors(v: ValidationIssue, where: FieldError['in']): FieldError[] {
  const pointer = v.instancePath === '/' ? '' : v.instancePath;
  const keys = (v.params as { keys?: unknown } | undefined)?.keys;
  if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
    return keys.map((key: string) => ({
      pointer: `${pointer}/${escapePointer(key)}`,
      in: where,
      detail: where === 'query' ? 'Unknown query parameter.' : 'Unknown field.',
    }));
  }
  return [{ pointer, in: where, detail: v.message ?? 'Invalid value.' }];
}

/** Fastify's own 4xx errors (bad JSON, wrong media type, body too large, rate limits) with safe wording. */
function frameworkProblem(error: FastifyError) {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'malformed-body', 'Malformed request body', 'The body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(
        415,
        'unsupported-media-type',
        'Unsupported Media Type',
        'Send the body as application/json.',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(
        400,
        'malformed-body',
        'Malformed request body',
        'The body does not match its Content-Length.',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'body-too-large', 'Payload Too Large', 'The request body is larger than allowed.');
    case 'FST_ERR_BAD_URL':
      return problem(400, 'bad-url', 'Bad Request', 'The URL has a malformed percent-encoding.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(404, 'not-found', 'Not Found', 'Nothing has this id.');
  }
  if (error instanceof SyntaxError) {
    return problem(400, 'malformed-body', 'Malformed request body', 'The body is not valid JSON.');
  }
  const status = error.statusCode ?? 500;
  if (status === 429)
    return problem(429, 'rate-limited', 'Too Many Requests', 'Too many requests; try again later.');
  if (status >= 400 && status < 500) return problem(status, 'bad-request', 'Bad Request', error.message);
  return problem(500, 'internal-error', 'Internal Server Error', 'Something went wrong on our side.');
}
