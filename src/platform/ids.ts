import { randomBytes } from 'node:crypto';
import { v7, validate } from 'uuid';

/** Time-ordered UUID v7, made by the application so both databases agree. */
export function newId(): string {
  return v7();
}

export function isUuid(value: string): boolean {
  return validate(value);
}

/** An unguessable URL-safe token (default 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
