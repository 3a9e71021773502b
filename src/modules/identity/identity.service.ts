import { z } from 'zod';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation, transaction } from '../../platform/db/transaction.ts';
import { requireActor, requireRole } from '../../platform/http/authorization.ts';
import type { Actor, Ctx, Role } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import {
  AccountDeactivated,
  EmailTaken,
  InvalidCredentials,
  InvalidRefreshToken,
  UserNotFound,
} from './identity.errors.ts';
import { hashPassword, passwordProblem, verifyPassword } from './identity.passwords.ts';
import type { UserRow } from './identity.repository.ts';
import * as repo from './identity.repository.ts';
import {
  hashToken,
  type KeyRing,
  newOpaqueToken,
  signAccessToken,
  verifyAccessToken,
} from './identity.tokens.ts';

export interface ClientInfo {
  userAgent?: string | undefined;
  ip?: string | undefined;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  phone?: string | undefined;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  roles: Role[];
  status: 'ACTIVE' | 'DEACTIVATED';
  emailVerified: boolean;
  createdAt: string;
}

export function presentUser(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    phone: u.phone,
    roles: u.roles,
    status: u.status,
    emailVerified: u.email_verified_at !== null,
    createdAt: u.created_at.toISOString(),
  };
}

function refusePassword(password: string) {
  const problem = passwordProblem(password);
  if (problem) throw new BadRequest(problem, [{ pointer: '/password', in: 'body', detail: problem }]);
}

const UserCursor = z.object({ id: z.string().uuid() });

export class IdentityService {
  constructor(
    private readonly keys: KeyRing,
    private readonly config: Pick<Config, 'ACCESS_TOKEN_TTL_SECONDS' | 'REFRESH_TOKEN_TTL_SECONDS'>,
  ) {}

  async register(ctx: Ctx, input: RegisterInput, client: ClientInfo = {}) {
    refusePassword(input.password);
    const user = await this.createUser(ctx.db, ctx.storeId, input, ['CUSTOMER']);
    return { user: presentUser(user), ...(await this.startSession(ctx.db, user, client)) };
  }

  /** Creates a user with the given roles; 409 when the email is taken in this store. */
  async createUser(db: Db, storeId: string, input: RegisterInput, roles: Role[]): Promise<UserRow> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await repo.insertUser(db, {
        id: newId(),
        store_id: storeId,
        email: input.email.trim(),
        password_hash: passwordHash,
        name: input.name.trim(),
        phone: input.phone ?? null,
        roles,
        email_verified_at: null,
        last_login_at: null,
        deleted_at: null,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTaken();
      throw error;
    }
  }

  async login(ctx: Ctx, input: { email: string; password: string }, client: ClientInfo = {}) {
    const found = await repo.findUserByEmail(ctx.db, ctx.storeId, input.email.trim());
    const ok = await verifyPassword(found?.password_hash, input.password);
    if (!found || !ok) throw new InvalidCredentials();
    if (found.status !== 'ACTIVE') throw new AccountDeactivated();
    await repo.touchLogin(ctx.db, ctx.storeId, found.id);
    const { password_hash: _, ...user } = found;
    return { user: presentUser(user), ...(await this.startSession(ctx.db, user, client)) };
  }

  /** Rotates a refresh token. Presenting a spent one revokes its whole family (theft detection). */
  async refresh(ctx: Ctx, refreshToken: string, client: ClientInfo = {}): Promise<Tokens> {
    const outcome = await transaction(ctx.db, async (trx) => {
      const token = await repo.findTokenForUpdate(trx, hashToken(refreshToken), 'REFRESH');
      if (!token || token.store_id !== ctx.storeId) return null;
      if (token.used_at || token.revoked_at) {
        await repo.revokeFamily(trx, token.family_id!);
        return null;
      }
      if (token.expires_at.getTime() <= Date.now()) return null;
      const user = await repo.findUserById(trx, ctx.storeId, token.user_id);
      if (user?.status !== 'ACTIVE') return null;
      await repo.markTokenUsed(trx, token.id);
      return this.issue(trx, user, token.family_id!, client);
    });
    if (!outcome) throw new InvalidRefreshToken();
    return outcome;
  }

  async logout(ctx: Ctx, refreshToken: string): Promise<void> {
    await transaction(ctx.db, async (trx) => {
      const token = await repo.findTokenForUpdate(trx, hashToken(refreshToken), 'REFRESH');
      if (token && token.store_id === ctx.storeId) await repo.revokeFamily(trx, token.family_id!);
    });
  }

  async me(ctx: Ctx): Promise<UserView> {
    const actor = requireActor(ctx);
    const user = await repo.findUserById(ctx.db, ctx.storeId, actor.userId);
    if (!user) throw new UserNotFound();
    return presentUser(user);
  }

  /**
   * Turns a Bearer token into the acting user, or null. The user row is read on every request so
   * that deactivation and role changes take effect at once, not when the token expires.
   */
  async authenticate(db: Db, storeId: string, bearer: string): Promise<Actor | null> {
    const claims = await verifyAccessToken(this.keys, bearer);
    if (!claims || claims.storeId !== storeId) return null;
    const user = await repo.findUserById(db, storeId, claims.userId);
    if (user?.status !== 'ACTIVE') return null;
    return { userId: user.id, storeId, roles: user.roles, sessionId: claims.sessionId };
  }

  async listUsers(
    ctx: Ctx,
    query: {
      limit: number;
      cursor?: string | undefined;
      q?: string;
      role?: Role;
      status?: 'ACTIVE' | 'DEACTIVATED';
    },
  ) {
    requireRole(ctx, 'ADMIN');
    const after = decodeCursor(query.cursor, UserCursor);
    const rows = await repo.listUsers(ctx.db, {
      storeId: ctx.storeId,
      limit: query.limit,
      after: after?.id,
      q: query.q,
      role: query.role,
      status: query.status,
    });
    return toPage(rows, query.limit, presentUser, (u) => ({ id: u.id }));
  }

  /** Creates the admin if the email is free; gives an existing account the ADMIN role otherwise. */
  async ensureAdmin(db: Db, storeId: string, email: string, password: string): Promise<UserRow> {
    refusePassword(password);
    const existing = await repo.findUserByEmail(db, storeId, email);
    if (existing) {
      if (existing.roles.includes('ADMIN')) return existing;
      return (await repo.setRoles(db, storeId, existing.id, [
        ...new Set([...existing.roles, 'ADMIN' as const]),
      ]))!;
    }
    try {
      return await this.createUser(db, storeId, { email, password, name: 'Administrator' }, ['ADMIN']);
    } catch (error) {
      if (error instanceof EmailTaken) return (await repo.findUserByEmail(db, storeId, email))!;
      throw error;
    }
  }

  private async startSession(db: Db, user: UserRow, client: ClientInfo): Promise<Tokens> {
    return this.issue(db, user, newId(), client);
  }

  private async issue(db: Db, user: UserRow, familyId: string, client: ClientInfo): Promise<Tokens> {
    const refresh = newOpaqueToken();
    await repo.insertToken(db, {
      id: newId(),
      store_id: user.store_id,
      user_id: user.id,
      type: 'REFRESH',
      token_hash: refresh.hash,
      family_id: familyId,
      user_agent: client.userAgent?.slice(0, 500) ?? null,
      ip: client.ip ?? null,
      expires_at: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
      used_at: null,
      revoked_at: null,
      last_used_at: null,
    });
    const accessToken = await signAccessToken(
      this.keys,
      { userId: user.id, storeId: user.store_id, roles: user.roles, sessionId: familyId },
      this.config.ACCESS_TOKEN_TTL_SECONDS,
    );
    return { accessToken, refreshToken: refresh.token };
  }
}
