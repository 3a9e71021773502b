import { randomBytes, timingSafeEqual } from 'node:crypto';
import { lookup as systemLookup } from 'node:dns';
import { Resolver } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net, { type LookupFunction } from 'node:net';
import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import { parse as parseHostname } from 'tldts';
import { InvalidAddress } from './domains.errors.ts';
import { labelProblem, normaliseHost } from './subdomains.ts';

export type CustomDomainProblem =
  | 'ip-address'
  | 'characters'
  | 'label'
  | 'length'
  | 'not-registrable'
  | 'platform-domain';
export type CustomDomainCheck =
  | { ok: true; hostname: string }
  | { ok: false; reason: CustomDomainProblem; detail: string };

const HOST_CHARACTERS = /^[a-z0-9.-]+$/;

/**
 * Whether `input` may be a store's own hostname: a name under a public suffix the Public Suffix
 * List knows (ICANN or private, so `github.io` itself is refused), not the platform's domain or
 * a name under it, no IP address, no port. Unicode names become their ASCII (xn--) form.
 */
export function checkCustomDomain(input: string, platformDomain: string): CustomDomainCheck {
  const raw = normaliseHost(input);
  const bare = raw.replace(/^\[(.*)\]$/, '$1');
  if (net.isIP(bare)) return refuse('ip-address', 'A custom domain must be a name, not an IP address.');
  const hostname = /^[\x21-\x7e]*$/.test(raw) ? raw : domainToASCII(raw);
  if (!hostname || !HOST_CHARACTERS.test(hostname)) {
    return refuse('characters', 'Give only the host name (like shop.example.com): no scheme, port or path.');
  }
  if (hostname.length > 253) return refuse('length', 'A domain name may be at most 253 characters long.');
  for (const label of hostname.split('.')) {
    const problem = labelProblem(label);
    if (problem) return refuse('label', `Each part of a domain name ${problem.detail}.`);
  }
  const platform = normaliseHost(platformDomain);
  if (hostname === platform || hostname.endsWith(`.${platform}`)) {
    return refuse(
      'platform-domain',
      `Names under ${platform} are the platform's; choose a subdomain instead.`,
    );
  }
  const parsed = parseHostname(hostname, { allowPrivateDomains: true });
  if (parsed.isIp) return refuse('ip-address', 'A custom domain must be a name, not an IP address.');
  if (!parsed.domain || !(parsed.isIcann || parsed.isPrivate)) {
    return refuse('not-registrable', `${hostname} is not a domain one can register (like example.com).`);
  }
  return { ok: true, hostname };
}

function refuse(reason: CustomDomainProblem, detail: string): CustomDomainCheck {
  return { ok: false, reason, detail };
}

/** The custom hostname `input` asks for; a 400 with a field error at `pointer` when it cannot be one. */
export function parseCustomDomain(input: string, platformDomain: string, pointer = '/customDomain'): string {
  const result = checkCustomDomain(input, platformDomain);
  if (result.ok) return result.hostname;
  throw new InvalidAddress('custom-domain-invalid', pointer, result.detail);
}

/** A new token proving control of a domain: 256 random bits, base64url (fits a TXT record and a path). */
export function issueVerificationToken(): string {
  return randomBytes(32).toString('base64url');
}

export const verificationRecordName = (host: string) => `_bazaar-verify.${host}`;
export const verificationUrl = (host: string, token: string) =>
  `http://${host}/.well-known/bazaar-verify/${encodeURIComponent(token)}`;

export type VerificationMethod = 'dns' | 'http';
/** Why a domain is not verified yet; none of these is an error, the owner may fix it and retry. */
export type NotVerifiedReason =
  | 'not-found'
  | 'wrong-token'
  | 'timeout'
  | 'unreachable'
  | 'redirected-away'
  | 'too-large';
export type Verification =
  | { verified: true; method: VerificationMethod }
  | { verified: false; method: VerificationMethod; reason: NotVerifiedReason; detail: string };

function sameToken(found: string, token: string): boolean {
  const a = Buffer.from(found);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface DnsVerifyOptions {
  /** Name servers to ask (`ip` or `ip:port`); the system's when not given. */
  servers?: string[];
  /** How long to wait for an answer, in all. */
  timeoutMs?: number;
}

/** Verifies `host` by a TXT record at `_bazaar-verify.{host}` holding `token`; never throws. */
export async function verifyByDns(
  host: string,
  token: string,
  options: DnsVerifyOptions = {},
): Promise<Verification> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  if (options.servers?.length) resolver.setServers(options.servers);
  const name = verificationRecordName(host);
  const notYet = (reason: NotVerifiedReason, detail: string): Verification => ({
    verified: false,
    method: 'dns',
    reason,
    detail,
  });
  // c-ares may retry past its own timeout: a deadline of our own cancels the query.
  const deadline = setTimeout(() => resolver.cancel(), timeoutMs);
  try {
    const records = await resolver.resolveTxt(name);
    if (records.some((chunks) => sameToken(chunks.join(''), token))) return { verified: true, method: 'dns' };
    return notYet('wrong-token', `No TXT record at ${name} holds the token.`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA')
      return notYet('not-found', `There is no TXT record at ${name} yet.`);
    if (code === 'ETIMEOUT' || code === 'ECANCELLED')
      return notYet('timeout', `The DNS lookup of ${name} timed out.`);
    return notYet('unreachable', `The DNS lookup of ${name} failed (${code ?? 'unknown error'}).`);
  } finally {
    clearTimeout(deadline);
  }
}

/**
 * `dns.lookup` that refuses names resolving to loopback, private, link-local or other non-public
 * addresses, so a verification request cannot be pointed at the platform's own network.
 */
export const publicOnlyLookup = ((hostname, options, callback) => {
  systemLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const closed = addresses.find((a) => ipaddr.process(a.address).range() !== 'unicast');
    if (closed || addresses.length === 0) {
      const refused = Object.assign(
        new Error(`${hostname} resolves to ${closed?.address}, not a public address`),
        {
          code: 'EADDRNOTPUBLIC',
        },
      );
      return callback(refused, '', 0);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    callback(null, first?.address ?? '', first?.family ?? 4);
  });
}) as LookupFunction;

export interface HttpVerifyOptions {
  /** Port of `http:` requests (80); tests point it at a local server. */
  port?: number;
  /** How host names become addresses; `publicOnlyLookup` unless given (tests map to 127.0.0.1). */
  lookup?: LookupFunction;
  /** How long the whole check (redirects included) may take. */
  timeoutMs?: number;
  /** The most body bytes read; the token is 43. */
  maxBytes?: number;
  maxRedirects?: number;
}

interface Fetched {
  status: number;
  location: string | undefined;
  body: string;
}

class BodyTooLarge extends Error {}

/**
 * Verifies `host` by `GET http://{host}/.well-known/bazaar-verify/{token}` answering 200 with the
 * token as its body. Redirects are followed only on the same host (http to https included), so
 * the proof is the host's own; never throws.
 */
export async function verifyByHttp(
  host: string,
  token: string,
  options: HttpVerifyOptions = {},
): Promise<Verification> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? 5000);
  const notYet = (reason: NotVerifiedReason, detail: string): Verification => ({
    verified: false,
    method: 'http',
    reason,
    detail,
  });
  let url = new URL(verificationUrl(host, token));
  try {
    for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop++) {
      const response = await get(url, options, signal);
      if (response.status >= 300 && response.status < 400 && response.location !== undefined) {
        const next = new URL(response.location, url);
        if (next.hostname !== host || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
          return notYet('redirected-away', `${url.href} redirects to another host (${next.host}).`);
        }
        url = next;
        continue;
      }
      if (response.status !== 200) return notYet('not-found', `${url.href} answered ${response.status}.`);
      if (sameToken(response.body.trim(), token)) return { verified: true, method: 'http' };
      return notYet('wrong-token', `${url.href} does not serve the token.`);
    }
    return notYet('redirected-away', `${host} redirects too many times.`);
  } catch (error) {
    if (signal.aborted) return notYet('timeout', `${host} did not answer in time.`);
    if (error instanceof BodyTooLarge) return notYet('too-large', `${url.href} sent more than the token.`);
    return notYet('unreachable', `${host} could not be reached (${(error as Error).message}).`);
  }
}

function get(url: URL, options: HttpVerifyOptions, signal: AbortSignal): Promise<Fetched> {
  const secure = url.protocol === 'https:';
  const port = url.port ? Number(url.port) : secure ? 443 : (options.port ?? 80);
  const maxBytes = options.maxBytes ?? 1024;
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).get(
      {
        host: url.hostname,
        port,
        path: `${url.pathname}${url.search}`,
        lookup: options.lookup ?? publicOnlyLookup,
        signal,
        agent: false,
        headers: { accept: 'text/plain', 'user-agent': 'Bazaar domain verification' },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (status !== 200) {
          response.resume();
          resolve({ status, location, body: '' });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            reject(new BodyTooLarge());
            request.destroy();
          } else chunks.push(chunk);
        });
        response.on('end', () => resolve({ status, location, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('close', () => reject(new Error('the connection closed before the body ended')));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}
