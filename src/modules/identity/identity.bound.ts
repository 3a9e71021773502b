import type { Db } from '../../platform/db/database.ts';
import { requireActor } from '../../platform/http/authorization.ts';
import { type Actor, type Ctx, PLATFORM_REALM } from '../../platform/http/context.ts';
import { UserNotFound } from './identity.errors.ts';
import type { ClientInfo, SessionIssuer, Tokens } from './identity.issuer.ts';
import type { StoreAccess } from './identity.service.ts';
import * as sessionRepo from './identity.sessions.repository.ts';
import { hashToken } from './identity.tokens.ts';
import * as userRepo from './identity.users.repository.ts';

/** Where the platform realm is read from a store's request, and the rule that lets its accounts in. */
export interface RealmWiring {
  db: Db | null;
  access: StoreAccess | null;
}

/**
 * Store-bound sessions of platform accounts (decision 019): what the platform console hands to a
 * store's console instead of the account's own token. The session lives in the realm with the
 * account (so signing out everywhere, a password reset or deactivation ends it), names the one
 * store it works in, and is renewed there while the account still has access to that store.
 */
export class StoreBoundSessions {
  constructor(
    private readonly issuer: SessionIssuer,
    private readonly realm: () => RealmWiring,
  ) {}

  /**
   * Opens a session of the signed-in platform account (ctx: the realm) bound to `storeId`. The
   * caller (the platform flow) has checked that the account is the store's owner or staff.
   */
  async open(ctx: Ctx, storeId: string, client: ClientInfo): Promise<Tokens & { expiresIn: number }> {
    const actor = requireActor(ctx);
    if (ctx.storeId !== PLATFORM_REALM) throw new UserNotFound();
    const user = await userRepo.findUserById(ctx.db, PLATFORM_REALM, actor.userId);
    if (user?.status !== 'ACTIVE') throw new UserNotFound();
    const tokens = await this.issuer.start(ctx.db, user, client, storeId);
    return { ...tokens, expiresIn: this.issuer.accessTokenSeconds };
  }

  /** Renews a refresh token bound to the request's store; null for anything else. */
  refresh(ctx: Ctx, refreshToken: string, client: ClientInfo): Promise<Tokens | null> {
    const { db, access } = this.realm();
    if (!access) return Promise.resolve(null);
    const where = { storeId: PLATFORM_REALM, boundTo: ctx.storeId };
    return this.issuer.rotate(db ?? ctx.db, where, refreshToken, client, async (trx, user) => {
      // read through the realm's transaction: a second connection may not be free (PGlite)
      const account: Actor = {
        userId: user.id,
        storeId: PLATFORM_REALM,
        roles: user.roles,
        permissions: [],
        sessionId: '',
      };
      return (await access({ ...ctx, db: trx }, account, { bound: true })) !== null;
    });
  }

  /** Ends the session of a refresh token bound to the request's store; others are ignored. */
  async logout(ctx: Ctx, refreshToken: string): Promise<void> {
    const db = this.realm().db ?? ctx.db;
    const token = await sessionRepo.findRefreshTokenForUpdate(db, hashToken(refreshToken));
    if (token?.store_id === PLATFORM_REALM && token.bound_store_id === ctx.storeId)
      await sessionRepo.revokeSession(db, token.family_id!, 'LOGOUT');
  }
}
