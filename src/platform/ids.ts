import { randomBytes } from 'node:crypto';
import { v7, validate } from 'uuid';

/** Time-ordered UUID v7, made by the application so both databases agree. */
export function newId(): string {
  return v7();
}

/**
 * The time a UUID v7 was made (its first 48 bits count milliseconds since 1970), or null for an id
 * of another version.
 */
export function timeOfId(id: string): Date | null {
  if (id[14] !== '7') return null;
  return new Date(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16));
}

export function isUuid(value: string): boolean {
  return validate(value);
}

/** An unguessable URL-safe token (default 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
