import { describe, expect, it } from 'vitest';
import { BadRequest } from '../../../platform/http/errors.ts';
import { checkSubdomain, parseSubdomain, RESERVED_SUBDOMAINS, storeAddress } from './subdomains.ts';

const reasonOf = (input: string) => {
  const result = checkSubdomain(input);
  return result.ok ? 'ok' : result.reason;
};

describe('a requested subdomain', () => {
  it('is accepted as a lower-case DNS label of letters, digits and inner hyphens', () => {
    expect(checkSubdomain('acme')).toEqual({ ok: true, subdomain: 'acme' });
    expect(checkSubdomain('a')).toEqual({ ok: true, subdomain: 'a' });
    expect(checkSubdomain('acme-store-2')).toEqual({ ok: true, subdomain: 'acme-store-2' });
    expect(checkSubdomain('a'.repeat(63))).toEqual({ ok: true, subdomain: 'a'.repeat(63) });
  });

  it('is lower-cased and trimmed before it is checked', () => {
    expect(checkSubdomain('  AcMe ')).toEqual({ ok: true, subdomain: 'acme' });
  });

  it('is refused when empty or longer than 63 characters', () => {
    expect(reasonOf('')).toBe('length');
    expect(reasonOf('   ')).toBe('length');
    expect(reasonOf('a'.repeat(64))).toBe('length');
  });

  it('is refused with characters outside a-z, 0-9 and hyphen', () => {
    for (const input of ['acme_store', 'acme.store', 'acme store', 'ac/me', 'münchen', 'acme!']) {
      expect(reasonOf(input), input).toBe('characters');
    }
  });

  it('is refused when it starts or ends with a hyphen', () => {
    expect(reasonOf('-acme')).toBe('hyphen');
    expect(reasonOf('acme-')).toBe('hyphen');
  });

  it('is refused with hyphens in the third and fourth place unless it is valid punycode', () => {
    expect(checkSubdomain('xn--mnchen-3ya')).toEqual({ ok: true, subdomain: 'xn--mnchen-3ya' });
    expect(checkSubdomain('XN--LS8H')).toEqual({ ok: true, subdomain: 'xn--ls8h' });
    expect(reasonOf('xn--abc')).toBe('punycode');
    expect(reasonOf('xn--')).toBe('hyphen');
    expect(reasonOf('xn--abc-zz')).toBe('punycode');
    expect(reasonOf('ab--cd')).toBe('punycode');
  });

  it('is refused when the platform keeps it for itself', () => {
    for (const name of ['www', 'admin', 'api', 'app', 'mail', 'static', 'assets', 'platform', 'status']) {
      expect(reasonOf(name), name).toBe('reserved');
    }
    for (const name of ['help', 'support', 'billing', 'WWW']) expect(reasonOf(name), name).toBe('reserved');
    expect(RESERVED_SUBDOMAINS.has('www')).toBe(true);
    expect(reasonOf('acme-admin')).toBe('ok');
  });
});

describe('parseSubdomain', () => {
  it('returns the normalised label', () => {
    expect(parseSubdomain(' Acme ')).toBe('acme');
  });

  it('throws a 400 with a field error at /subdomain that says what is wrong', () => {
    let error: unknown;
    try {
      parseSubdomain('admin');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadRequest);
    const bad = error as BadRequest;
    expect(bad.status).toBe(400);
    expect(bad.code).toBe('subdomain-reserved');
    expect(bad.extra.errors).toEqual([
      {
        pointer: '/subdomain',
        in: 'body',
        detail: '"admin" is reserved by the platform; choose another name.',
      },
    ]);
  });

  it('points the field error where the caller says the value came from', () => {
    expect(() => parseSubdomain('-x', '/store/domain')).toThrow(
      expect.objectContaining({
        code: 'subdomain-invalid',
        extra: { errors: [expect.objectContaining({ pointer: '/store/domain' })] },
      }),
    );
  });
});

describe('storeAddress', () => {
  it('is the subdomain under the platform domain', () => {
    expect(storeAddress('acme', 'bazaar.app')).toBe('acme.bazaar.app');
    expect(storeAddress('Acme', 'Bazaar.App.')).toBe('acme.bazaar.app');
  });

  it('refuses a subdomain that does not pass the rules', () => {
    expect(() => storeAddress('www', 'bazaar.app')).toThrow(BadRequest);
  });
});
