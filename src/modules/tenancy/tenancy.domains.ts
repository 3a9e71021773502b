/**
 * A store's own domain (decision 013): the owner names it, proves it by a DNS TXT record or an HTTP
 * token, and only then does the store answer there; verified domains are checked again daily, and a
 * TLS-terminating proxy asks before issuing a certificate for a host.
 */
import type { LookupFunction } from 'node:net';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/transaction.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { Conflict } from '../../platform/http/errors.ts';
import type { Logger } from '../../platform/observability/logger.ts';
import {
  issueVerificationToken,
  parseCustomDomain,
  type Verification,
  verificationRecordName,
  verificationUrl,
  verifyByDns,
  verifyByHttp,
} from './domains/custom-domains.ts';
import { normaliseHost } from './domains/subdomains.ts';
import { PlanLimitReached } from './tenancy.errors.ts';
import type { DomainRow } from './tenancy.platform.repository.ts';
import * as platformRepo from './tenancy.platform.repository.ts';
import type { PlatformStores } from './tenancy.platform.ts';
import type { StoreResolver } from './tenancy.resolver.ts';

export const DomainBody = z.strictObject({ customDomain: z.string().max(300) });
export const VerifyDomainBody = z.strictObject({ method: z.enum(['dns', 'http']).default('dns') });

export const DomainView = z
  .object({
    customDomain: z.string().nullable(),
    verified: z.boolean(),
    verifiedAt: z.string().nullable(),
    checkedAt: z.string().nullable(),
    /** What to publish to prove the domain: a TXT record, or a file at a URL. */
    proof: z
      .object({
        txt: z.object({ name: z.string(), value: z.string() }),
        http: z.object({ url: z.string(), body: z.string() }),
      })
      .nullable(),
    /** Why the last verification did not pass (null when it did, or none was tried). */
    problem: z.string().nullable(),
  })
  .meta({ id: 'StoreDomain' });
export type DomainView = z.infer<typeof DomainView>;

export interface DomainOptions {
  baseDomain: string;
  /** Name servers to ask (DOMAIN_DNS_SERVERS); the system's when empty. */
  dnsServers: string[];
  /** Only tests change these: the port of HTTP checks and how names become addresses. */
  httpPort?: number;
  lookup?: LookupFunction;
}

export class DomainTaken extends Conflict {
  constructor() {
    super('Another store uses this domain.', 'domain-taken', {
      errors: [{ pointer: '/customDomain', in: 'body', detail: 'Another store uses this domain.' }],
    });
  }
}

/** How many verified domains one daily run re-checks at most (the rest wait for the next run). */
const RECHECK_BATCH = 500;

export class StoreDomains {
  constructor(
    private readonly stores: PlatformStores,
    private readonly resolver: StoreResolver,
    private readonly options: DomainOptions,
  ) {}

  async get(ctx: Ctx, storeId: string): Promise<DomainView> {
    const store = await this.stores.ownStore(ctx, storeId);
    return present(await platformRepo.findDomain(ctx.db, store.id));
  }

  /** Names the store's own domain (unverified until proved); the plan's domain limit applies (402). */
  async set(ctx: Ctx, storeId: string, input: string): Promise<DomainView> {
    const store = await this.stores.ownStore(ctx, storeId);
    const domain = parseCustomDomain(input, this.options.baseDomain);
    if (domain === store.custom_domain) return this.get(ctx, storeId);
    const others = await platformRepo.countTenantDomains(ctx.db, store.tenant_id, store.id);
    const plan = await this.stores.planOf(ctx.db, store.tenant_id);
    const max = plan?.max_custom_domains;
    if (typeof max === 'number' && others + 1 > max)
      throw new PlanLimitReached('customDomains', plan!.code, max);
    try {
      const row = await platformRepo.setCustomDomain(ctx.db, store.id, domain, issueVerificationToken());
      this.resolver.invalidate();
      return present(row);
    } catch (error) {
      if (isUniqueViolation(error, 'stores_custom_domain_idx')) throw new DomainTaken();
      throw error;
    }
  }

  async remove(ctx: Ctx, storeId: string): Promise<DomainView> {
    const store = await this.stores.ownStore(ctx, storeId);
    const row = await platformRepo.setCustomDomain(ctx.db, store.id, null, null);
    await this.stores.refreshLiveUrl(ctx.db, store.id);
    this.resolver.invalidate();
    return present(row);
  }

  /** Checks the proof now; the store answers at the domain from the moment it passes. */
  async verify(ctx: Ctx, storeId: string, method: 'dns' | 'http'): Promise<DomainView> {
    const store = await this.stores.ownStore(ctx, storeId);
    const row = await platformRepo.findDomain(ctx.db, store.id);
    if (!row?.custom_domain || !row.custom_domain_token)
      throw new Conflict('Name a custom domain first.', 'no-custom-domain');
    const result = await this.check(row.custom_domain, row.custom_domain_token, method);
    const after = await platformRepo.recordDomainCheck(ctx.db, store.id, row.custom_domain, result.verified);
    await this.stores.refreshLiveUrl(ctx.db, store.id);
    this.resolver.invalidate();
    return present(after ?? row, result.verified ? null : result.detail);
  }

  /**
   * The daily re-check: every verified domain is proved again (DNS, then HTTP); one that proves by
   * neither stops answering until its owner verifies it again.
   */
  async recheck(db: Db, log: Logger, now = new Date()): Promise<{ checked: number; lost: number }> {
    const due = await platformRepo.domainsDue(db, new Date(now.getTime() - 20 * 3_600_000), RECHECK_BATCH);
    let lost = 0;
    for (const row of due) {
      if (!row.custom_domain || !row.custom_domain_token) continue;
      let result = await this.check(row.custom_domain, row.custom_domain_token, 'dns');
      if (!result.verified) result = await this.check(row.custom_domain, row.custom_domain_token, 'http');
      await platformRepo.recordDomainCheck(db, row.id, row.custom_domain, result.verified);
      if (!result.verified) {
        await this.stores.refreshLiveUrl(db, row.id);
        lost++;
        log.warn(
          { storeId: row.id, domain: row.custom_domain, reason: result.detail },
          'custom domain no longer verified',
        );
      }
    }
    if (lost > 0) this.resolver.invalidate();
    return { checked: due.length, lost };
  }

  /**
   * Whether a certificate may be issued for `host` (a proxy's on-demand TLS `ask`): a store's
   * subdomain of the platform domain, or a verified custom domain. Anything else is refused, so a
   * stranger cannot make the proxy request certificates for names the platform does not serve.
   */
  async allowsCertificate(db: Db, host: string): Promise<boolean> {
    const name = normaliseHost(host);
    const suffix = `.${normaliseHost(this.options.baseDomain)}`;
    const label = name.endsWith(suffix) ? name.slice(0, -suffix.length) : null;
    if (label?.includes('.')) return false;
    return platformRepo.hostInUse(db, name, label);
  }

  private check(domain: string, token: string, method: 'dns' | 'http'): Promise<Verification> {
    if (method === 'dns') return verifyByDns(domain, token, { servers: this.options.dnsServers });
    return verifyByHttp(domain, token, {
      ...(this.options.httpPort ? { port: this.options.httpPort } : {}),
      ...(this.options.lookup ? { lookup: this.options.lookup } : {}),
    });
  }
}

function present(row: DomainRow | undefined, problem: string | null = null): DomainView {
  const domain = row?.custom_domain ?? null;
  const token = row?.custom_domain_token ?? null;
  return {
    customDomain: domain,
    verified: !!row?.custom_domain_verified_at,
    verifiedAt: row?.custom_domain_verified_at?.toISOString() ?? null,
    checkedAt: row?.custom_domain_checked_at?.toISOString() ?? null,
    proof:
      domain && token
        ? {
            txt: { name: verificationRecordName(domain), value: token },
            http: { url: verificationUrl(domain, token), body: token },
          }
        : null,
    problem,
  };
}
