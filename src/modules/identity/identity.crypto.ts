import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Config } from '../../platform/config.ts';
import { readOrCreateKeyFile } from './identity.tokens.ts';

interface DataKey {
  kid: string;
  key: Buffer;
}

const VERSION = 'v1';

function deriveKey(secret: string): DataKey {
  // The configured secret may be any long string; SHA-256 turns it into exactly 256 bits.
  const key = createHash('sha256').update(`bazaar-data-key:${secret}`).digest();
  return { kid: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

/**
 * AES-256-GCM for small secrets at rest (seller bank details). The ciphertext names its key (`kid`)
 * and is bound to its row by additional authenticated data, so a value copied into another row
 * does not decrypt. Format: `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export class DataCipher {
  private readonly keys: Map<string, DataKey>;

  constructor(private readonly current: DataKey) {
    this.keys = new Map([[current.kid, current]]);
  }

  static fromConfig(config: Pick<Config, 'DATA_ENCRYPTION_KEY' | 'dataDir'>): DataCipher {
    const secret =
      config.DATA_ENCRYPTION_KEY ?? readOrCreateKeyFile(path.join(config.dataDir, 'keys', 'data-key'));
    return new DataCipher(deriveKey(secret));
  }

  /**
   * A keyed digest (HMAC-SHA256 under a key derived from the data key): for short secrets such as
   * six-digit codes, whose plain hash a copy of the database would reverse by trying them all.
   */
  mac(text: string): string {
    return createHmac('sha256', this.current.key).update(`bazaar-mac:${text}`).digest('base64url');
  }

  encrypt(plaintext: string, aad: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(aad));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.current.kid, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** Throws if the value was tampered with, moved to another row, or made with an unknown key. */
  decrypt(value: string, aad: string): string {
    const [version, kid, iv, tag, data] = value.split('.');
    const key = kid ? this.keys.get(kid) : undefined;
    if (version !== VERSION || !key || !iv || !tag || data === undefined) {
      throw new Error('Unreadable encrypted value');
    }
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}
