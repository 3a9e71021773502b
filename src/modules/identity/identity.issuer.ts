import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import type { Role } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import * as sessionRepo from './identity.sessions.repository.ts';
import { hashToken, type KeyRing, newOpaqueToken, signAccessToken } from './identity.tokens.ts';
import type { UserRow } from './identity.users.repository.ts';
import * as userRepo from './identity.users.repository.ts';

export interface ClientInfo {
  userAgent?: string | undefined;
  ip?: string | undefined;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export type IssuerConfig = Pick<
  Config,
  'ACCESS_TOKEN_TTL_SECONDS' | 'REFRESH_TOKEN_TTL_SECONDS' | 'REFRESH_ABSOLUTE_TTL_SECONDS'
>;

/** The account a session belongs to: its id, the store (or realm) it lives in, its roles. */
type SessionUser = Pick<UserRow, 'id' | 'store_id' | 'roles'>;

/**
 * Opens sessions and issues their tokens: a rotating refresh token stored hashed, and a signed
 * access token. A session may be bound to one store (`boundTo`, decision 019): a platform account's
 * session whose access tokens name that store as their audience and the realm as `realm`.
 */
export class SessionIssuer {
  constructor(
    private readonly keys: KeyRing,
    private readonly config: IssuerConfig,
  ) {}

  /** How long an access token lives. */
  get accessTokenSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  async start(db: Db, user: SessionUser, client: ClientInfo, boundTo: string | null = null): Promise<Tokens> {
    const sessionId = newId();
    const startedAt = new Date();
    await sessionRepo.insertSession(db, {
      id: sessionId,
      store_id: user.store_id,
      user_id: user.id,
      user_agent: client.userAgent?.slice(0, 500) ?? null,
      ip: client.ip ?? null,
      created_at: startedAt,
      expires_at: this.refreshExpiry(startedAt),
      revoked_at: null,
      revoke_reason: null,
      bound_store_id: boundTo,
    });
    return this.issue(db, user, { sessionId, startedAt, boundTo }, client, false);
  }

  /**
   * Rotates a refresh token of a session of `storeId` bound to `boundTo` (null: not bound), or
   * answers null. Presenting a spent one revokes its whole session (theft detection). `allowed`
   * may refuse the account a new token (a store-bound session whose access is gone is ended).
   */
  rotate(
    db: Db,
    where: { storeId: string; boundTo: string | null },
    refreshToken: string,
    client: ClientInfo,
    allowed?: (trx: Db, user: UserRow) => Promise<boolean>,
  ): Promise<Tokens | null> {
    return transaction(db, async (trx) => {
      const token = await sessionRepo.findRefreshTokenForUpdate(trx, hashToken(refreshToken));
      if (!token || token.store_id !== where.storeId || token.session_revoked_at) return null;
      if ((token.bound_store_id ?? null) !== where.boundTo) return null;
      if (token.used_at) {
        await sessionRepo.revokeSession(trx, token.family_id!, 'REUSE_DETECTED');
        return null;
      }
      if (token.expires_at.getTime() <= Date.now()) return null;
      // sliding, but never past the absolute lifetime counted from the session's sign-in
      if (this.sessionEnd(token.session_started_at).getTime() <= Date.now()) return null;
      const user = await userRepo.findUserById(trx, where.storeId, token.user_id);
      if (user?.status !== 'ACTIVE') return null;
      if (allowed && !(await allowed(trx, user))) {
        await sessionRepo.revokeSession(trx, token.family_id!, 'REVOKED');
        return null;
      }
      await sessionRepo.markTokenUsed(trx, token.id);
      const session = {
        sessionId: token.family_id!,
        startedAt: token.session_started_at,
        boundTo: where.boundTo,
      };
      return this.issue(trx, user, session, client);
    });
  }

  private sessionEnd(startedAt: Date): Date {
    return new Date(startedAt.getTime() + this.config.REFRESH_ABSOLUTE_TTL_SECONDS * 1000);
  }

  /** A refresh token's expiry: the sliding lifetime, cut at the session's absolute end. */
  private refreshExpiry(sessionStartedAt: Date): Date {
    const sliding = Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000;
    return new Date(Math.min(sliding, this.sessionEnd(sessionStartedAt).getTime()));
  }

  private async issue(
    db: Db,
    user: SessionUser,
    session: { sessionId: string; startedAt: Date; boundTo: string | null },
    client: ClientInfo,
    touch = true,
  ): Promise<Tokens> {
    const refresh = newOpaqueToken();
    const expiresAt = this.refreshExpiry(session.startedAt);
    await sessionRepo.insertToken(db, {
      id: newId(),
      store_id: user.store_id,
      user_id: user.id,
      type: 'REFRESH',
      token_hash: refresh.hash,
      family_id: session.sessionId,
      user_agent: client.userAgent?.slice(0, 500) ?? null,
      ip: client.ip ?? null,
      expires_at: expiresAt,
      used_at: null,
      revoked_at: null,
      last_used_at: null,
    });
    if (touch) await sessionRepo.touchSession(db, session.sessionId, expiresAt);
    const bound = session.boundTo;
    const accessToken = await signAccessToken(
      this.keys,
      {
        userId: user.id,
        storeId: bound ?? user.store_id,
        roles: user.roles as Role[],
        sessionId: session.sessionId,
        realm: bound ? user.store_id : undefined,
      },
      this.config.ACCESS_TOKEN_TTL_SECONDS,
    );
    return { accessToken, refreshToken: refresh.token };
  }
}
