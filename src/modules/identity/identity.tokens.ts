import { createHash, createHmac, scryptSync, webcrypto } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeJwt, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Config } from '../../platform/config.ts';
import { PLATFORM_REALM, type Role } from '../../platform/http/context.ts';
import { randomToken } from '../../platform/ids.ts';

interface SigningKey {
  kid: string;
  secret: Uint8Array;
  /** The secret imported once as an HMAC key (importing it on every request costs more than verifying). */
  hmac?: Promise<webcrypto.CryptoKey>;
}

function hmacKey(key: SigningKey): Promise<webcrypto.CryptoKey> {
  key.hmac ??= webcrypto.subtle.importKey('raw', key.secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  return key.hmac;
}

const ISSUER = 'bazaar';

/** The audience of a store's access tokens: a token is only ever good for the store it names. */
export const audienceOf = (storeId: string) => `bazaar:${storeId}`;

/**
 * The signing key is stretched from the configured secret with scrypt (memory-hard), and the
 * `kid` is an HMAC under that key: neither a token's signature nor its `kid` lets a guess at a
 * weak JWT_SECRET passphrase be checked with one fast hash. The salt is fixed, so every process
 * derives the same key from the same secret.
 */
function keyFromSecret(secret: string): SigningKey {
  const key = scryptSync(secret, 'bazaar-jwt-signing-key-v1', 32, {
    N: 2 ** 15,
    r: 8,
    p: 1,
    maxmem: 64 * 1024 * 1024,
  });
  return {
    kid: createHmac('sha256', key).update('bazaar-kid').digest('hex').slice(0, 16),
    secret: new Uint8Array(key),
  };
}

/**
 * Access-token keys: the first signs, all verify (by `kid`), so rotating keeps tokens signed by an
 * earlier key valid until they expire. Keys come from config, or are generated once in DATA_DIR.
 */
export class KeyRing {
  private readonly byKid: Map<string, SigningKey>;
  /**
   * Tokens these keys verified, with their claims, until they expire: checking a signature costs
   * more than the rest of a request's authentication, and a token's own validity never changes
   * (whether its session and user are still live is checked on every request all the same). Only
   * valid tokens are kept, the most recently used 10,000.
   */
  readonly verified = new LRUCache<string, AccessClaims>({ max: 10_000, ttl: 24 * 3_600_000 });

  constructor(private readonly keys: SigningKey[]) {
    if (keys.length === 0) throw new Error('At least one signing key is needed');
    this.byKid = new Map(keys.map((k) => [k.kid, k]));
  }

  static fromConfig(config: Pick<Config, 'JWT_SECRET' | 'JWT_PREVIOUS_SECRETS' | 'dataDir'>): KeyRing {
    const previous = config.JWT_PREVIOUS_SECRETS.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (config.JWT_SECRET) return new KeyRing([config.JWT_SECRET, ...previous].map(keyFromSecret));
    return new KeyRing(
      [readOrCreateKeyFile(path.join(config.dataDir, 'keys', 'jwt-secret')), ...previous].map(keyFromSecret),
    );
  }

  get current(): SigningKey {
    return this.keys[0]!;
  }

  find(kid: string | undefined): SigningKey | undefined {
    return kid ? this.byKid.get(kid) : undefined;
  }
}

/** The shortest key accepted from a file or JWT_PREVIOUS_SECRETS (config checks the variables). */
export const MIN_KEY_LENGTH = 32;

/**
 * A secret kept in a file of DATA_DIR, made on first use (development mode needs no configuration).
 * The file is written whole under a temporary name and then linked into place, so a crash never
 * leaves an empty or partial key; a file that is short, empty or open to others stops the start.
 */
export function readOrCreateKeyFile(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) createKeyFile(file);
  return readKeyFile(file);
}

function createKeyFile(file: string): void {
  const temp = `${file}.${process.pid}.${randomToken(6)}.tmp`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, randomToken(48));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it first
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function readKeyFile(file: string): string {
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new Error(`Key file ${file} is open to group or others (mode ${mode.toString(8)}); chmod 600 it.`);
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_KEY_LENGTH) {
    throw new Error(
      `Key file ${file} holds ${secret ? `a key of ${secret.length} characters` : 'no key'}; a key needs at least ${MIN_KEY_LENGTH}. ` +
        'Restore it from a backup (data encrypted with the lost key cannot be read), or remove it to make a new one.',
    );
  }
  return secret;
}

export interface AccessClaims {
  userId: string;
  storeId: string;
  roles: Role[];
  sessionId: string;
  /**
   * Set on a store-bound token (decision 019): the realm whose account it is. `storeId` is then the
   * one store it works in (also its audience), while the account and its session live in the realm.
   */
  realm?: string | undefined;
}

export async function signAccessToken(
  keys: KeyRing,
  claims: AccessClaims,
  ttlSeconds: number,
): Promise<string> {
  const realm = claims.realm ? { realm: claims.realm } : {};
  return new SignJWT({ store: claims.storeId, roles: claims.roles, sid: claims.sessionId, ...realm })
    .setProtectedHeader({ alg: 'HS256', kid: keys.current.kid, typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(audienceOf(claims.storeId))
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(await hmacKey(keys.current));
}

/**
 * Returns the claims of a valid token for `storeId`, or null for anything expired, malformed,
 * wrongly signed, missing a required claim, or meant for another audience.
 */
export async function verifyAccessToken(
  keys: KeyRing,
  token: string,
  storeId: string,
): Promise<AccessClaims | null> {
  const cacheKey = `${storeId} ${token}`;
  const known = keys.verified.get(cacheKey);
  if (known) return known;
  const verified = await checkAccessToken(keys, token, storeId);
  if (!verified) return null;
  const ttl = verified.expiresAt * 1000 - Date.now();
  if (ttl > 0) keys.verified.set(cacheKey, verified.claims, { ttl });
  return verified.claims;
}

async function checkAccessToken(
  keys: KeyRing,
  token: string,
  storeId: string,
): Promise<{ claims: AccessClaims; expiresAt: number } | null> {
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = keys.find(header.kid);
        if (!key) throw new joseErrors.JWKSNoMatchingKey();
        return hmacKey(key);
      },
      {
        issuer: ISSUER,
        audience: audienceOf(storeId),
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub', 'aud'],
      },
    );
    if (
      typeof payload.sub !== 'string' ||
      typeof payload.store !== 'string' ||
      typeof payload.sid !== 'string' ||
      typeof payload.exp !== 'number'
    )
      return null;
    if (!Array.isArray(payload.roles)) return null;
    if (payload.realm !== undefined && typeof payload.realm !== 'string') return null;
    const claims = Object.freeze({
      userId: payload.sub,
      storeId: payload.store,
      roles: Object.freeze([...payload.roles]) as Role[],
      sessionId: payload.sid,
      realm: payload.realm,
    });
    return { claims, expiresAt: payload.exp };
  } catch {
    return null;
  }
}

/** Whether a token claims to be a platform account's (unverified: only chooses where to verify it). */
export function isPlatformToken(token: string): boolean {
  try {
    return decodeJwt(token).store === PLATFORM_REALM;
  } catch {
    return false;
  }
}

/** Whether a token claims to be bound to one store for a platform account (unverified, as above). */
export function isStoreBoundToken(token: string): boolean {
  try {
    return decodeJwt(token).realm === PLATFORM_REALM;
  } catch {
    return false;
  }
}

/** Opaque single-use secrets (refresh, reset, verification): only their hash is stored. */
export function newOpaqueToken(): { token: string; hash: string } {
  const token = randomToken(32);
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
