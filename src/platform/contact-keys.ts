import { createHash } from 'node:crypto';

/**
 * Buyers told apart by how they can be reached, for per-buyer limits that a guest must not dodge
 * with a fresh spelling: the same mailbox, phone or street address gives the same key. Keys are
 * one-way hashes, so a limit's records do not copy the contact details.
 */
export type ContactKind = 'email' | 'phone' | 'address';

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/** A mailbox: lower-case, without a `+tag`, and for Gmail without the dots of the name. */
export function normalizeEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 1) return lower;
  let local = lower.slice(0, at).split('+')[0]!;
  let domain = lower.slice(at + 1);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}

/**
 * A phone by its last ten digits, the subscriber number in most numbering plans, so `+91…`,
 * `0…` and `0091…` prefixes agree; null for fewer than six digits.
 */
export function normalizePhone(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 6 ? null : digits.slice(-10);
}

export interface StreetAddress {
  line1: string;
  line2?: string | undefined;
  postalCode: string;
  country: string;
}

/** A street address by country, postal code and its lines as letters and digits only. */
export function normalizeAddress(address: StreetAddress): string {
  const plain = (text: string) =>
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, '');
  return `${address.country.toUpperCase()}|${plain(address.postalCode)}|${plain(address.line1)}${plain(address.line2 ?? '')}`;
}

export function contactKey(kind: ContactKind, normalized: string): string {
  return createHash('sha256').update(`${kind}:${normalized}`).digest('hex').slice(0, 32);
}

export interface ContactKeys {
  email: string | null;
  phone: string | null;
  address: string | null;
}

/** The keys of whatever is known of a buyer. */
export function contactKeys(buyer: {
  email?: string | null | undefined;
  phone?: string | null | undefined;
  address?: StreetAddress | null | undefined;
}): ContactKeys {
  const phone = buyer.phone ? normalizePhone(buyer.phone) : null;
  return {
    email: buyer.email ? contactKey('email', normalizeEmail(buyer.email)) : null,
    phone: phone ? contactKey('phone', phone) : null,
    address: buyer.address ? contactKey('address', normalizeAddress(buyer.address)) : null,
  };
}
