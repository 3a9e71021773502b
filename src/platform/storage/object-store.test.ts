import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3 } from '../../../test/kit/index.ts';
import { localObjectStore } from './object-store.local.ts';
import { s3ObjectStore } from './object-store.s3.ts';
import { isSafeKey, type ObjectStore, UnsafeObjectKey } from './object-store.ts';

/** What every adapter must do: put, get as a stream with its type and size, replace, delete. */
async function roundTrip(store: ObjectStore) {
  await store.put('store-1/abc.webp', Buffer.from('first'), 'image/webp');
  await store.put('store-1/abc.webp', Buffer.from('second'), 'image/webp');
  const got = await store.get('store-1/abc.webp');
  expect(got).toMatchObject({ contentType: 'image/webp', size: 6 });
  expect(await text(got!.body)).toBe('second');
  expect(await store.get('store-1/other.webp')).toBeNull();
  await store.delete('store-1/abc.webp');
  expect(await store.get('store-1/abc.webp')).toBeNull();
  await store.delete('store-1/abc.webp');
}

describe('object keys', () => {
  it('takes plain segments and refuses anything that could leave the root', () => {
    expect(isSafeKey('0b2f/abc-160w.webp')).toBe(true);
    for (const key of [
      '../x',
      'a/../../x',
      '/etc/passwd',
      'a//b',
      '.hidden',
      'a/.b.type',
      'a\\b',
      '',
      'a b',
      'ä',
    ]) {
      expect(isSafeKey(key), key).toBe(false);
    }
  });
});

describe('the local-disk object store', () => {
  let root: string;
  beforeAll(() => {
    root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-objects-')), 'media');
  });
  afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

  it('puts, gets, replaces and deletes objects', () => roundTrip(localObjectStore(root)));

  it('keeps files and folders for the owner alone', async () => {
    const store = localObjectStore(root);
    await store.put('store-2/private.png', Buffer.from('x'), 'image/png');
    expect(fs.statSync(path.join(root, 'store-2')).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(root, 'store-2', 'private.png')).mode & 0o777).toBe(0o600);
  });

  it('refuses keys outside its root before touching the disk', async () => {
    const store = localObjectStore(root);
    await expect(store.get('../outside')).rejects.toBeInstanceOf(UnsafeObjectKey);
    await expect(store.put('../../outside', Buffer.from('x'), 'text/plain')).rejects.toBeInstanceOf(
      UnsafeObjectKey,
    );
    await expect(store.delete('/etc/hosts')).rejects.toBeInstanceOf(UnsafeObjectKey);
  });
});

describe('the S3-compatible object store', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(async () => s3?.stop());

  it('puts, gets, replaces and deletes objects in the bucket (against a local stand-in)', () =>
    roundTrip(
      s3ObjectStore({
        bucket: s3.bucket,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
      }),
    ));
});
