import { describe, expect, it } from 'vitest';
import {
  contactKeys,
  normalizeAddress,
  normalizeEmail,
  normalizePhone,
} from '../../src/platform/contact-keys.ts';

describe('contact keys', () => {
  it('reads an email as its mailbox: case, +tags and Gmail dots do not matter', () => {
    expect(normalizeEmail(' Jane.Doe+Shoes@GMail.com ')).toBe('janedoe@gmail.com');
    expect(normalizeEmail('j.a.n.e.doe@googlemail.com')).toBe('janedoe@gmail.com');
    expect(normalizeEmail('Jane.Doe+x@Example.org')).toBe('jane.doe@example.org');
  });

  it('reads a phone by its last ten digits, and ignores numbers too short to be one', () => {
    for (const p of ['+919876543210', '09876543210', '00919876543210', '9876543210'])
      expect(normalizePhone(p)).toBe('9876543210');
    expect(normalizePhone('12345')).toBeNull();
  });

  it('reads an address by country, postal code and letters and digits of its lines', () => {
    const a = normalizeAddress({ line1: '12, M.G. Road', postalCode: '560 001', country: 'in' });
    expect(normalizeAddress({ line1: '12 mg road', postalCode: '560001', country: 'IN' })).toBe(a);
    expect(normalizeAddress({ line1: '12 mg road', postalCode: '560002', country: 'IN' })).not.toBe(a);
  });

  it('keeps one-way keys, never the details themselves', () => {
    const keys = contactKeys({ email: 'jane@example.org', phone: '+919876543210' });
    expect(keys.email).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.phone).not.toContain('9876543210');
    expect(keys.address).toBeNull();
  });
});
