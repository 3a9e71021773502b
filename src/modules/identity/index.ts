// Identity owns who a user is and what they may do: accounts, passwords, sessions and tokens,
// roles, profiles, addresses and user groups. It authenticates every request (Bearer access token
// → ctx.actor); other modules use it through `IdentityService` and the exports below.
import path from 'node:path';
import type { ZodApp } from '../../platform/http/app.ts';
import { systemCtx } from '../../platform/http/context.ts';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { DataCipher } from './identity.crypto.ts';
import { AdminClaimRefused } from './identity.errors.ts';
import { RESET_QUEUE } from './identity.recovery.ts';
import { identityRoutes } from './identity.routes.ts';
import { IdentityService } from './identity.service.ts';
import { KeyRing } from './identity.tokens.ts';

export { PERMISSIONS, type Permission } from '../../platform/http/context.ts';
export { type CustomerFilter, customerIds } from './identity.audience.ts';
export { type Contact, contacts } from './identity.contacts.ts';
export { EmailTaken } from './identity.errors.ts';
export { IdentityEvents } from './identity.events.ts';
export { PasswordHasher } from './identity.passwords.ts';
export { presentUser } from './identity.presenters.ts';
export {
  AddressInput,
  type AddressView,
  RegisterBody,
  type UserGroupView,
  UserView,
} from './identity.schemas.ts';
export {
  IdentityService,
  type RegisterInput,
  type SignUpTerms,
  type StoreAccess,
} from './identity.service.ts';

export const PURGE_QUEUE = 'identity.purge-expired';

export interface IdentityModule extends BazaarModule {
  service: IdentityService;
  /** Small secrets sealed with the data key (AES-256-GCM, bound to `aad`), for other modules. */
  secrets: { seal(text: string, aad: string): string; open(sealed: string, aad: string): string | null };
}

export function createIdentityModule(platform: Platform, defaultStoreId: () => string): IdentityModule {
  const { config, database, jobs, log } = platform;
  const cipher = DataCipher.fromConfig(config);
  const service = new IdentityService(KeyRing.fromConfig(config), config, jobs, cipher);
  jobs.handle(PURGE_QUEUE, async (job) => {
    const removed = await service.purgeExpired(job.db);
    job.log.info({ removed }, 'expired tokens and sessions purged');
  });
  jobs.schedule(PURGE_QUEUE, '17 * * * *', PURGE_QUEUE);
  jobs.handle<{ email: string }>(RESET_QUEUE, async (job) => {
    if (job.storeId)
      await service.recovery.sendPasswordReset(
        systemCtx(job.db, job.storeId, job.log, { reason: RESET_QUEUE }),
        job.payload.email,
      );
  });
  return {
    name: 'identity',
    migrations: path.join(import.meta.dirname, 'migrations'),
    service,
    secrets: secretsOf(cipher),
    hooks(app: ZodApp) {
      app.addHook('onRequest', async (req) => {
        const header = req.headers.authorization;
        if (!header || !req.ctx.storeId) return;
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        req.ctx.actor = match ? await service.authenticate(req.ctx, match[1]!) : null;
      });
    },
    routes: identityRoutes(service, config),
    async onReady() {
      const { BAZAAR_ADMIN_EMAIL: email, BAZAAR_ADMIN_PASSWORD: password } = config;
      if (!email || !password) return;
      try {
        const admin = await service.ensureAdmin(
          systemCtx(database.db, defaultStoreId(), log, { reason: 'create-admin' }),
          email,
          password,
        );
        log.info({ userId: admin.id }, 'administrator account in place');
      } catch (error) {
        if (!(error instanceof AdminClaimRefused)) throw error;
        log.error(
          { setting: 'BAZAAR_ADMIN_EMAIL', code: error.code },
          `BAZAAR_ADMIN_EMAIL names an existing account whose password is not BAZAAR_ADMIN_PASSWORD; it was not made an administrator`,
        );
      }
    },
  };
}

/** Sealing with the data key for other modules; an unreadable value opens to null. */
function secretsOf(cipher: DataCipher): IdentityModule['secrets'] {
  return {
    seal: (text, aad) => cipher.encrypt(text, aad),
    open: (sealed, aad) => {
      try {
        return cipher.decrypt(sealed, aad);
      } catch {
        return null;
      }
    },
  };
}
