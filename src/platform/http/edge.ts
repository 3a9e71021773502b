/**
 * Request limits at the edge, before any module sees a request: how long a client may take to
 * send one, how long a path id may be, and the text every string input must be. Bodies are limited
 * by BODY_LIMIT_BYTES and to JSON (app.ts); both are described in docs/security.md.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { Stream } from 'node:stream';
import type { FastifyHttpOptions, FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { BadRequest, type FieldError, problem } from './errors.ts';

/** Longer than any id or slug a route takes (ids are 36 characters, slugs at most 200). */
const MAX_PARAM_LENGTH = 1_000;

type TimeoutConfig = Pick<
  Config,
  | 'HTTP_REQUEST_TIMEOUT_MS'
  | 'HTTP_HEADERS_TIMEOUT_MS'
  | 'HTTP_IDLE_TIMEOUT_MS'
  | 'HTTP_KEEP_ALIVE_TIMEOUT_MS'
>;

/** Fastify's server options for timeouts and the router's path-id limit. */
export function edgeServerOptions(config: TimeoutConfig) {
  const requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  return {
    requestTimeout,
    connectionTimeout: config.HTTP_IDLE_TIMEOUT_MS,
    keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    http: {
      requestTimeout,
      // Node refuses a headers timeout longer than the request timeout
      headersTimeout: Math.min(config.HTTP_HEADERS_TIMEOUT_MS, requestTimeout),
      // how often Node looks for requests past their timeouts (its default, 30 s, would let a
      // short timeout run on for half a minute)
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(requestTimeout / 4))),
    },
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // JSON.parse keeps "__proto__" as an own key (it never sets a prototype); refuseUnsafeText then
    // refuses it with a pointer, where Fastify's own check would only say "not valid JSON".
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
    clientErrorHandler: answerClientError,
  } satisfies Partial<FastifyHttpOptions<http.Server>>;
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (a request that took too long, a
 * header too large, a malformed request line), answered as problem+json like everything else.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request-timeout', 'The request did not arrive in time.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers-too-large', 'The request headers are larger than allowed.']
        : [400, 'malformed-request', 'The request is not valid HTTP.'];
  const body = JSON.stringify(problem(status, code, http.STATUS_CODES[status] ?? 'Error', detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

// ---------------------------------------------------------------------------- text rules

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string may not be stored, or null: NUL (PostgreSQL refuses it) or a lone surrogate. */
function unsafeText(text: string): string | null {
  if (text.includes('\u0000')) return 'Text may not contain the NUL character (U+0000).';
  if (LONE_SURROGATE.test(text)) {
    return 'Text must be well-formed Unicode; a lone UTF-16 surrogate is not allowed.';
  }
  return null;
}

export const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

const PROTOTYPE_KEY = 'The key "__proto__" (or "constructor" holding "prototype") is not accepted anywhere.';

/** Keys that would reach an object's prototype if the value were ever merged into another object. */
function prototypeKey(key: string, child: unknown): boolean {
  if (key === '__proto__') return true;
  return (
    key === 'constructor' && child !== null && typeof child === 'object' && Object.hasOwn(child, 'prototype')
  );
}

/**
 * What parsed JSON, a query or path parameters are made of. A body a route reads itself (a CSV or image stream, a buffer) is
 * not walked: a request stream's object graph is cyclic and would never end.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  return !(value instanceof Stream) && !ArrayBuffer.isView(value);
}

/**
 * The first string (value or key) in `value` that breaks a text rule, or the first prototype key,
 * walked without recursion (a body may nest deeply).
 */
export function findUnsafeText(value: unknown): { pointer: string; detail: string } | null {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [item, pointer] = stack.pop()!;
    if (typeof item === 'string') {
      const detail = unsafeText(item);
      if (detail) return { pointer, detail };
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], `${pointer}/${i}`]);
    } else if (isPlainObject(item)) {
      for (const [key, child] of Object.entries(item)) {
        const at = `${pointer}/${escapePointer(key)}`;
        const detail = prototypeKey(key, child) ? PROTOTYPE_KEY : unsafeText(key);
        if (detail) return { pointer: at, detail };
        stack.push([child, at]);
      }
    }
  }
  return null;
}

/**
 * One rule for every string a request carries, in its path, query or body, on every route: no NUL
 * and no lone surrogate, and no "__proto__" key (400 with a pointer). It runs before validation,
 * so no schema can forget it. (JSON is parsed with the prototype keys kept as plain keys, so this
 * rule can name them; see `edgeServerOptions`.)
 */
export function refuseUnsafeText(app: FastifyInstance): void {
  // a callback hook: no promise per request
  app.addHook('preValidation', (req, _reply, done) => {
    done(
      unsafeIn('params', req.params) ??
        unsafeIn('query', req.query) ??
        unsafeIn('body', req.body) ??
        undefined,
    );
  });
}

/** The 400 for the first unsafe string of one part of a request, or null when it has none. */
function unsafeIn(where: FieldError['in'], value: unknown): BadRequest | null {
  if (value === undefined || value === null) return null;
  const found = findUnsafeText(value);
  return found
    ? new BadRequest(`1 invalid field in ${where}.`, [
        { pointer: found.pointer, in: where, detail: found.detail },
      ])
    : null;
}
