/**
 * Where a store is reached: its canonical origin, the one address every link it sends (mails,
 * the platform console) points to, so a buyer of `bakery.localhost` is never sent to another shop.
 */
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { normaliseHost } from './domains/subdomains.ts';
import * as repo from './tenancy.repository.ts';
import { fromStored } from './tenancy.settings.ts';

export interface OriginOptions {
  /** BASE_DOMAIN: stores live at `{subdomain}.{baseDomain}`. */
  baseDomain: string;
  /** Where the server is reached (PUBLIC_URL): the default store's origin, and the scheme and port of the others. */
  publicUrl?: string | undefined;
  port: number;
}

/** What the origin of a store depends on. */
export interface OriginStore {
  isDefault: boolean;
  /** The subdomain label under BASE_DOMAIN. */
  domain: string | null;
  customDomain: string | null;
  customDomainVerified: boolean;
}

export function originOptions(config: Pick<Config, 'BASE_DOMAIN' | 'PUBLIC_URL' | 'PORT'>): OriginOptions {
  return { baseDomain: config.BASE_DOMAIN, publicUrl: config.PUBLIC_URL, port: config.PORT };
}

/** `scheme://{subdomain}.{baseDomain}[:port]`, the scheme and port those of PUBLIC_URL if set. */
export function subdomainOrigin(subdomain: string, options: OriginOptions): string {
  const base = options.publicUrl ? new URL(options.publicUrl) : null;
  const scheme = base?.protocol ?? 'http:';
  const port = base ? base.port : String(options.port);
  const host = `${subdomain}.${normaliseHost(options.baseDomain)}`;
  return `${scheme}//${host}${port && port !== '80' && port !== '443' ? `:${port}` : ''}`;
}

/**
 * A store's canonical origin: `https://{custom domain}` once the domain is verified, else its
 * subdomain's origin; the default store is where PUBLIC_URL says (null when that is unset, so a
 * mail carries its code without a link rather than a guessed address).
 */
export function canonicalOrigin(store: OriginStore, options: OriginOptions): string | null {
  if (store.customDomain && store.customDomainVerified) return `https://${store.customDomain}`;
  if (store.isDefault) return options.publicUrl ? options.publicUrl.replace(/\/$/, '') : null;
  return store.domain ? subdomainOrigin(store.domain, options) : null;
}

export function originStoreOf(row: repo.StoreRow): OriginStore {
  return {
    isDefault: row.is_default,
    domain: row.domain,
    customDomain: row.custom_domain,
    customDomainVerified: row.custom_domain_verified_at !== null,
  };
}

/** Who a store's mails come from and where their links point. */
export interface StoreSender {
  /** The store's name: the sender's display name. */
  name: string;
  /** The store's contact email: where replies go (null: unset). */
  replyTo: string | null;
  /** The store's canonical origin: links in its mails start here (null: no link, the code alone). */
  origin: string | null;
}

/** The sender of the store `storeId`'s mails (null for an unknown store). */
export async function storeSender(
  db: Db,
  storeId: string,
  options: OriginOptions,
): Promise<StoreSender | null> {
  const row = await repo.findStoreById(db, storeId);
  if (!row) return null;
  return {
    name: row.name,
    replyTo: fromStored(row.config?.settings).contact.email,
    origin: canonicalOrigin(originStoreOf(row), options),
  };
}
