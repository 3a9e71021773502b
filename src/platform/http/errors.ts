/**
 * The one error family. Every expected failure is an AppError with a stable `code`, rendered as
 * RFC 9457 problem+json by the error handler; anything else is a 500 with no internals shown.
 */
export interface FieldError {
  /** JSON Pointer into the part of the request named by `in`. */
  pointer: string;
  in: 'body' | 'query' | 'params' | 'headers';
  detail: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

export class BadRequest extends AppError {
  constructor(detail: string, errors: FieldError[] = [], code = 'validation-failed') {
    super(400, code, 'Your request is not valid.', detail, errors.length ? { errors } : {});
  }
}

export class Unauthorized extends AppError {
  constructor(detail = 'Authentication is required.', code = 'unauthorized') {
    super(401, code, 'Unauthorized', detail);
  }
}

export class Forbidden extends AppError {
  constructor(detail = 'You are not allowed to do this.', code = 'forbidden') {
    super(403, code, 'Forbidden', detail);
  }
}

export class NotFound extends AppError {
  constructor(what = 'resource', code = 'not-found') {
    super(404, code, 'Not Found', `The ${what} was not found.`);
  }
}

export class Conflict extends AppError {
  constructor(detail: string, code = 'conflict', extra: Record<string, unknown> = {}) {
    super(409, code, 'Conflict', detail, extra);
  }
}

export class TooManyRequests extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    detail = 'Too many requests; try again later.',
  ) {
    super(429, 'rate-limited', 'Too Many Requests', detail);
  }
}

/** The server sheds load it cannot take now (a full work queue); the client may retry later. */
export class ServiceUnavailable extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    detail = 'The server is busy; try again shortly.',
  ) {
    super(503, 'service-busy', 'Service Unavailable', detail);
  }
}

export const PROBLEM_TYPE_BASE = '/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

export function problem(
  status: number,
  code: string,
  title: string,
  detail?: string,
  extra: Record<string, unknown> = {},
): Problem {
  // extension members never override the standard ones
  return { ...extra, type: `${PROBLEM_TYPE_BASE}${code}`, title, status, ...(detail ? { detail } : {}) };
}
