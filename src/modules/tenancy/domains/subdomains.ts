import { domainToASCII, domainToUnicode } from 'node:url';
import { InvalidAddress } from './domains.errors.ts';

/**
 * Names the platform keeps for itself: its own services and pages, mail and DNS infrastructure,
 * and words that would let a store pass itself off as the platform or its staff. A store asking
 * for one of them is told to choose another name. See docs/modules/tenancy.md.
 */
export const RESERVED_SUBDOMAINS: ReadonlySet<string> = new Set([
  // the platform's own services
  'www',
  'app',
  'api',
  'admin',
  'platform',
  'console',
  'dashboard',
  'status',
  'static',
  'assets',
  'cdn',
  'media',
  'images',
  'img',
  'files',
  'uploads',
  'download',
  'downloads',
  'docs',
  'blog',
  'metrics',
  'health',
  'internal',
  'bazaar',
  'staging',
  'dev',
  'test',
  'sandbox',
  // people and money
  'help',
  'support',
  'billing',
  'pay',
  'payments',
  'checkout',
  'account',
  'accounts',
  'login',
  'signin',
  'signup',
  'register',
  'auth',
  'sso',
  'oauth',
  'id',
  'security',
  'abuse',
  'legal',
  'seller',
  'sellers',
  'partners',
  'developer',
  'developers',
  // mail and DNS
  'mail',
  'email',
  'webmail',
  'smtp',
  'imap',
  'pop',
  'pop3',
  'mx',
  'ns',
  'ns1',
  'ns2',
  'dns',
  'ftp',
  'autoconfig',
  'autodiscover',
  'postmaster',
  'hostmaster',
  'webmaster',
  'root',
  'administrator',
  'localhost',
]);

export type LabelProblem = 'length' | 'characters' | 'hyphen' | 'punycode';
export type SubdomainCheck =
  | { ok: true; subdomain: string }
  | { ok: false; reason: LabelProblem | 'reserved'; detail: string };

const LABEL_CHARACTERS = /^[a-z0-9-]+$/;

/** What is wrong with one DNS label (already lower case), or null when it is a valid label. */
export function labelProblem(label: string): { reason: LabelProblem; detail: string } | null {
  if (label.length < 1 || label.length > 63) {
    return { reason: 'length', detail: 'must be 1 to 63 characters long' };
  }
  if (!LABEL_CHARACTERS.test(label)) {
    return { reason: 'characters', detail: 'may hold only the letters a-z, digits and hyphens' };
  }
  if (label.startsWith('-') || label.endsWith('-')) {
    return { reason: 'hyphen', detail: 'may not start or end with a hyphen' };
  }
  if (label.slice(2, 4) === '--' && !isValidPunycode(label)) {
    return {
      reason: 'punycode',
      detail: 'may have hyphens in the third and fourth place only as a valid internationalised (xn--) name',
    };
  }
  return null;
}

function isValidPunycode(label: string): boolean {
  if (!label.startsWith('xn--')) return false;
  const decoded = domainToUnicode(label);
  // An ASCII-compatible encoding must decode to something that needs it (RFC 5891 §5.4).
  const needsEncoding = [...decoded].some((c) => (c.codePointAt(0) ?? 0) > 0x7f);
  return needsEncoding && domainToASCII(decoded) === label;
}

/** Whether `input` may be a store's subdomain, with the label it becomes (trimmed, lower case). */
export function checkSubdomain(input: string): SubdomainCheck {
  const subdomain = input.trim().toLowerCase();
  const problem = labelProblem(subdomain);
  if (problem) return { ok: false, reason: problem.reason, detail: `A subdomain ${problem.detail}.` };
  if (RESERVED_SUBDOMAINS.has(subdomain)) {
    return {
      ok: false,
      reason: 'reserved',
      detail: `"${subdomain}" is reserved by the platform; choose another name.`,
    };
  }
  return { ok: true, subdomain };
}

/** The subdomain `input` asks for; a 400 with a field error at `pointer` when it cannot be one. */
export function parseSubdomain(input: string, pointer = '/subdomain'): string {
  const result = checkSubdomain(input);
  if (result.ok) return result.subdomain;
  const code = result.reason === 'reserved' ? 'subdomain-reserved' : 'subdomain-invalid';
  throw new InvalidAddress(code, pointer, result.detail);
}

/** The host a store is reached at: `{subdomain}.{platformDomain}` (the config's BASE_DOMAIN). */
export function storeAddress(subdomain: string, platformDomain: string): string {
  return `${parseSubdomain(subdomain)}.${normaliseHost(platformDomain)}`;
}

/** A hostname as DNS compares it: trimmed, lower case, without the root's trailing dot. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}
