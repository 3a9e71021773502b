// The port for stored files (product images and their variants): put, get as a stream, delete.
// Two adapters: the local disk under DATA_DIR/media and an S3-compatible bucket (object-store.s3.ts).
import type { Readable } from 'node:stream';

export interface StoredObject {
  body: Readable;
  contentType: string;
  size: number;
}

export interface ObjectStore {
  /** Writes the object whole (an existing one is replaced). */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object as a stream with its type and size, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Deletes the object; deleting one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * Keys are `/`-separated segments of letters, digits, `.`, `_` and `-`, none starting with a dot,
 * so no key can climb out of its root (`..`), be absolute, or name the adapters' own side files.
 */
const SAFE_KEY = /^(?!\.)[A-Za-z0-9_.-]{1,200}(\/(?!\.)[A-Za-z0-9_.-]{1,200}){0,7}$/;

export function isSafeKey(key: string): boolean {
  return SAFE_KEY.test(key);
}

export class UnsafeObjectKey extends Error {
  constructor(key: string) {
    super(`unsafe object key: ${JSON.stringify(key.slice(0, 80))}`);
  }
}

export function assertSafeKey(key: string): void {
  if (!isSafeKey(key)) throw new UnsafeObjectKey(key);
}
