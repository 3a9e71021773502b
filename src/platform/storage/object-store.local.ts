// The object store on the local disk: one file per key under a root (DATA_DIR/media), owner-only.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { assertSafeKey, type ObjectStore, type StoredObject } from './object-store.ts';

/** The content type is kept beside the file, in a side file no key can name (keys never start with a dot). */
const typeFile = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.type`);

export function localObjectStore(root: string): ObjectStore {
  const fileOf = (key: string) => {
    assertSafeKey(key);
    const file = path.resolve(root, key);
    // belt and braces: the key pattern already keeps every file under the root
    if (!file.startsWith(path.resolve(root) + path.sep)) throw new Error('object key outside the root');
    return file;
  };
  return {
    async put(key, bytes, contentType) {
      const file = fileOf(key);
      await fsp.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await writeAtomically(typeFile(file), Buffer.from(contentType));
      await writeAtomically(file, bytes);
    },
    async get(key): Promise<StoredObject | null> {
      const file = fileOf(key);
      try {
        const [stat, contentType] = await Promise.all([fsp.stat(file), fsp.readFile(typeFile(file), 'utf8')]);
        if (!stat.isFile()) return null;
        return { body: fs.createReadStream(file), contentType, size: stat.size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      const file = fileOf(key);
      await fsp.rm(file, { force: true });
      await fsp.rm(typeFile(file), { force: true });
    },
  };
}

/** Readers see the old file or the new one, never half of one. */
async function writeAtomically(file: string, bytes: Buffer) {
  const temp = path.join(path.dirname(file), `.${randomUUID()}.tmp`);
  await fsp.writeFile(temp, bytes, { mode: 0o600 });
  await fsp.rename(temp, file);
}
