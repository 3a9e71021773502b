import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { DataCipher } from './identity.crypto.ts';
import { KeyRing, readOrCreateKeyFile } from './identity.tokens.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function tempDir(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-keys-'));
  roots.push(root);
  return root;
}

/** A key file written as an operator (or a crash) might leave it. */
function keyFile(content: string, mode = 0o600): { dataDir: string; file: (name: string) => string } {
  const dataDir = tempDir();
  fs.mkdirSync(path.join(dataDir, 'keys'), { mode: 0o700 });
  const file = (name: string) => {
    const p = path.join(dataDir, 'keys', name);
    fs.writeFileSync(p, content, { mode });
    fs.chmodSync(p, mode);
    return p;
  };
  return { dataDir, file };
}

describe('key files', () => {
  it('are made once, atomically, with a long key, mode 0600 in a 0700 directory', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'keys', 'data-key');
    const first = readOrCreateKeyFile(file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readOrCreateKeyFile(file)).toBe(first);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['data-key']); // no temporary file left
  });

  it('refuse an empty key file, naming it (a crash between create and write would leave one)', () => {
    const { file } = keyFile('');
    const empty = file('data-key');
    expect(() => readOrCreateKeyFile(empty)).toThrow(empty);
  });

  it('refuse a key shorter than 32 characters, naming the file', () => {
    const { file } = keyFile('x'.repeat(31));
    const short = file('jwt-secret');
    expect(() => readOrCreateKeyFile(short)).toThrow(short);
  });

  it('refuse a key file that group or others can read, naming it', () => {
    const { file } = keyFile('k'.repeat(48), 0o644);
    const open = file('data-key');
    expect(() => readOrCreateKeyFile(open)).toThrow(new RegExp(`${open}.*group or others`));
  });

  it('stop the data cipher and the signing keys from starting on a bad file instead of using a constant key', () => {
    const { dataDir, file } = keyFile('');
    file('data-key');
    file('jwt-secret');
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(() => DataCipher.fromConfig(config)).toThrow(/data-key/);
    expect(() => KeyRing.fromConfig(config)).toThrow(/jwt-secret/);
  });
});
