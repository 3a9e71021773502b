/**
 * The OpenAPI 3.1 document's two passes over what the zod schemas give: every operation declares
 * the problem+json answers its route can give (from facts the route has: its schemas, its
 * security, its method, its limits), and the named schemas (`.meta({ id })`) become components,
 * only those the document references, in name order.
 */
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { Problem } from '../schemas.ts';

/** The prefix of the calls that run in a store (the store is resolved before the route runs). */
const STORE_SCOPED = '/api/v1/';
/** Platform calls run in the platform realm, before and outside any store. */
const PLATFORM = '/api/v1/platform/';
const COMPONENT_PREFIX = '#/components/schemas/';
export const PROBLEM_COMPONENT = `${COMPONENT_PREFIX}${Problem.meta()?.id ?? 'Problem'}`;

/** What the document can tell of a route's possible failures. */
export interface RouteFacts {
  methods: string[];
  url: string;
  body: boolean;
  /** Query or header schemas (a params schema that fails is a 404, see app.ts). */
  fields: boolean;
  params: boolean;
  signedIn: boolean;
  rateLimited: boolean;
}

/** The error statuses a route can answer, each with what it means there. */
export function problemAnswers(route: RouteFacts): Record<string, string> {
  const answers: Record<string, string> = {};
  const inStore = route.url.startsWith(STORE_SCOPED) && !route.url.startsWith(PLATFORM);
  const changes = route.methods.some((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m));
  if (route.body || route.fields)
    answers['400'] = 'The request is not valid: malformed JSON or invalid fields (`errors` points at each).';
  if (route.signedIn)
    answers['401'] = 'No valid access token: sign in and send `Authorization: Bearer <accessToken>`.';
  // every call in a store meets the store first: unknown or not open yet is 404, suspended is 503
  if (route.signedIn) answers['403'] = 'Your roles or admin permissions do not allow this.';
  const notFound = either(
    route.params && 'nothing you may see has this id',
    inStore && 'the store is unknown or not open yet',
  );
  if (notFound) answers['404'] = notFound;
  if (changes)
    answers['409'] = 'The resource’s state does not allow this, or it would clash with another (see `type`).';
  if (route.body) {
    answers['413'] = 'The request body is larger than allowed.';
    answers['415'] = 'The body is not in a media type this call takes (JSON unless stated).';
  }
  if (route.rateLimited) answers['429'] = 'Too many requests: try again after `Retry-After` seconds.';
  if (inStore)
    answers['503'] = 'The store is suspended (temporarily unavailable); its staff are still let in.';
  return answers;
}

/** "A, or b." from the reasons that hold; empty when none does. */
function either(...reasons: (string | false)[]): string {
  const text = reasons.filter(Boolean).join(', or ');
  return text ? `${text[0]!.toUpperCase()}${text.slice(1)}.` : '';
}

type RouteSchema = Record<string, unknown> & { response?: Record<string, unknown> };

function factsOf(route: RouteOptions, url: string, schema: RouteSchema): RouteFacts {
  const config = (route.config ?? {}) as { rateLimit?: unknown; ownLimit?: boolean };
  return {
    methods: [route.method].flat().map(String),
    url,
    body: Boolean(schema.body),
    fields: Boolean(schema.querystring || schema.headers),
    params: url.includes('{') || url.includes(':'),
    // an empty requirement ({}) among them makes the token optional
    signedIn:
      Array.isArray(schema.security) &&
      schema.security.length > 0 &&
      !schema.security.some((requirement) => Object.keys(requirement ?? {}).length === 0),
    rateLimited: Boolean(config.rateLimit || config.ownLimit),
  };
}

function problemResponse(description: string, status: string) {
  return {
    description,
    ...(status === '429'
      ? {
          headers: {
            'retry-after': { type: 'integer', description: 'Seconds to wait before trying again.' },
          },
        }
      : {}),
    content: { 'application/problem+json': { schema: { $ref: PROBLEM_COMPONENT } } },
  };
}

/** The zod transform, then the route's problem answers added beside its own responses. */
export const documentRoute: SwaggerTransform = (input) => {
  const out = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
  const schema = out.schema as RouteSchema | undefined;
  if (!schema || schema.hide) return out;
  const response: Record<string, unknown> = { ...(schema.response ?? {}) };
  // with no response schema the document would say "200 Default Response"; keep saying so
  if (!schema.response) response['200'] = { type: 'null', description: 'Default Response' };
  const answers = problemAnswers(factsOf(input.route, out.url ?? input.url, schema));
  for (const [status, description] of Object.entries(answers))
    response[status] ??= problemResponse(description, status);
  return { ...out, schema: { ...schema, response } };
};

/** The `$ref`s a part of the document makes, as component names. */
function referencedComponents(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) referencedComponents(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(COMPONENT_PREFIX))
        into.add(child.slice(COMPONENT_PREFIX.length));
      else referencedComponents(child, into);
    }
  }
  return into;
}

/**
 * The zod registry's named schemas as components (the library emits an input and an output
 * version of each), keeping those reachable from the operations, sorted by name.
 */
export const documentComponents: SwaggerTransformObject = (input) => {
  const doc = jsonSchemaTransformObject(input) as {
    paths?: unknown;
    components?: { schemas?: Record<string, unknown> };
  };
  const schemas = doc.components?.schemas ?? {};
  const kept = referencedComponents(doc.paths, new Set());
  for (let grew = true; grew; ) {
    const before = kept.size;
    for (const name of [...kept]) referencedComponents(schemas[name], kept);
    grew = kept.size > before;
  }
  const sorted = Object.fromEntries(
    Object.keys(schemas)
      .filter((name) => kept.has(name))
      .sort()
      .map((name) => [name, schemas[name]]),
  );
  return { ...doc, components: { ...doc.components, schemas: sorted } } as ReturnType<SwaggerTransformObject>;
};
