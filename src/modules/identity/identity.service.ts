import type { Config } from '../../platform/config.ts';
import { coalescing } from '../../platform/db/coalesce.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation, transaction } from '../../platform/db/transaction.ts';
import { requireActor } from '../../platform/http/authorization.ts';
import {
  type Actor,
  type Ctx,
  isPermission,
  PERMISSIONS,
  PLATFORM_REALM,
  type Role,
  withDb,
} from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { AddressService } from './identity.addresses.ts';
import { AdminUserService } from './identity.admin.ts';
import { StoreBoundSessions } from './identity.bound.ts';
import type { DataCipher } from './identity.crypto.ts';
import {
  AccountDeactivated,
  AdminClaimRefused,
  EmailTaken,
  InvalidCredentials,
  InvalidRefreshToken,
  SessionNotFound,
  UserNotFound,
} from './identity.errors.ts';
import { IdentityEvents } from './identity.events.ts';
import { GroupService } from './identity.groups.ts';
import { type ClientInfo, SessionIssuer, type Tokens } from './identity.issuer.ts';
import {
  clearPasswordChangeFailures,
  hitAccountLimit,
  recordLoginSuccess,
  reserveLoginAttempt,
  reservePasswordChange,
} from './identity.limits.ts';
import { type HashingLimits, PasswordHasher, refusePassword } from './identity.passwords.ts';
import { purgeExpiredCodes } from './identity.phone.repository.ts';
import { PhoneSignIn } from './identity.phone.ts';
import { presentUser } from './identity.presenters.ts';
import * as profileRepo from './identity.profiles.repository.ts';
import { ProfileService } from './identity.profiles.ts';
import { RecoveryService } from './identity.recovery.ts';
import { IdCursor, type UserView } from './identity.schemas.ts';
import * as sessionRepo from './identity.sessions.repository.ts';
import {
  hashToken,
  isPlatformToken,
  isStoreBoundToken,
  type KeyRing,
  verifyAccessToken,
} from './identity.tokens.ts';
import type { UserRow } from './identity.users.repository.ts';
import * as userRepo from './identity.users.repository.ts';

export type { ClientInfo, Tokens } from './identity.issuer.ts';

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  phone?: string | undefined;
  acceptedTerms?: Array<{ kind: string; version: number }> | undefined;
}

/**
 * Terms a customer's sign-up must accept, checked and recorded inside the sign-up's transaction
 * (wired by src/flows/terms.ts); throws when what the store asks for is not accepted.
 */
export type SignUpTerms = (
  ctx: Ctx,
  user: { id: string; email: string },
  input: RegisterInput,
  client: ClientInfo,
) => Promise<void>;

/**
 * What a platform account may do in the request's store: the actor it acts as there, or null.
 * `bound` is set for a store-bound token (decision 019), which only the store's owner and staff hold.
 */
export type StoreAccess = (ctx: Ctx, account: Actor, options?: { bound?: boolean }) => Promise<Actor | null>;

export type IdentityConfig = Pick<
  Config,
  | 'ACCESS_TOKEN_TTL_SECONDS'
  | 'REFRESH_TOKEN_TTL_SECONDS'
  | 'REFRESH_ABSOLUTE_TTL_SECONDS'
  | 'PUBLIC_URL'
  | 'BASE_DOMAIN'
  | 'PORT'
> &
  Partial<Pick<Config, 'PASSWORD_HASH_CONCURRENCY' | 'PASSWORD_HASH_QUEUE_MAX'>>;

const DEFAULT_HASHING: HashingLimits = { concurrency: 4, maxQueue: 64 };

const PURGE_BATCH = 5000;

/**
 * Accounts, sign-in, sessions and account recovery; the parts below (addresses, profiles, groups,
 * admin user management) hang off it so other modules reach all of identity through one object.
 */
export class IdentityService {
  readonly addresses: AddressService;
  readonly profiles: ProfileService;
  readonly groups: GroupService;
  readonly admin: AdminUserService;
  readonly recovery: RecoveryService;
  /** Sign-in with a code sent by SMS (`/auth/otp`). */
  readonly phone: PhoneSignIn;
  /** Platform accounts' sessions bound to one store (decision 019). */
  readonly bound: StoreBoundSessions;
  private readonly issuer: SessionIssuer;
  /** Every argon2 hash and verification of the process, a few at a time. */
  readonly passwords: PasswordHasher;
  /** The user row read while authenticating, for the rest of that request (dropped with the actor). */
  private readonly authenticated = new WeakMap<Actor, UserRow>();
  private storeAccess: StoreAccess | null = null;
  private signUpTerms: SignUpTerms | null = null;
  private realmDb: Db | null = null;
  /** The authentication query, shared by the requests arriving together (per database handle). */
  private readonly actorLookups = new WeakMap<
    Db,
    (key: userRepo.ActorKey) => Promise<userRepo.ActorRow | undefined>
  >();

  constructor(
    private readonly keys: KeyRing,
    config: IdentityConfig,
    private readonly jobs: Jobs,
    cipher: DataCipher,
  ) {
    this.addresses = new AddressService();
    this.profiles = new ProfileService(jobs, cipher);
    this.groups = new GroupService();
    this.admin = new AdminUserService(jobs);
    this.passwords = new PasswordHasher({
      concurrency: config.PASSWORD_HASH_CONCURRENCY ?? DEFAULT_HASHING.concurrency,
      maxQueue: config.PASSWORD_HASH_QUEUE_MAX ?? DEFAULT_HASHING.maxQueue,
    });
    this.issuer = new SessionIssuer(keys, config);
    this.bound = new StoreBoundSessions(this.issuer, () => ({ db: this.realmDb, access: this.storeAccess }));
    this.recovery = new RecoveryService({
      jobs,
      cipher,
      passwords: this.passwords,
    });
    this.phone = new PhoneSignIn({
      jobs,
      cipher,
      start: (db, user, client) => this.issuer.start(db, user, client),
    });
  }

  /** What a customer's sign-up must accept (the store's terms). */
  useSignUpTerms(port: SignUpTerms): void {
    this.signUpTerms = port;
  }

  // --- accounts ---------------------------------------------------------------------------------

  /**
   * Opens an account and signs it in: a CUSTOMER of the store, or (platform sign-up, in the
   * platform realm) an account with the given roles, none for invited staff. Joins the caller's
   * transaction if any. `emailVerified` when the caller has proved the address (a mailed
   * invitation's secret): no verification code is sent.
   */
  async register(
    ctx: Ctx,
    input: RegisterInput,
    client: ClientInfo = {},
    roles: Role[] = ['CUSTOMER'],
    options: { emailVerified?: boolean } = {},
  ) {
    refusePassword(input.password);
    await hitAccountLimit(ctx.db, ctx.storeId, 'register', input.email);
    const passwordHash = await this.passwords.hash(input.password);
    const verifiedAt = options.emailVerified ? new Date() : null;
    return transaction(ctx.db, async (trx) => {
      const user = await this.insertUser(trx, ctx.storeId, input, passwordHash, roles, verifiedAt);
      if (roles.includes('CUSTOMER'))
        await this.signUpTerms?.(withDb(ctx, trx), { id: user.id, email: user.email ?? '' }, input, client);
      if (!verifiedAt) await this.recovery.sendVerification(trx, user);
      await this.jobs.publish(trx, {
        name: IdentityEvents.userRegistered,
        storeId: ctx.storeId,
        payload: { userId: user.id },
      });
      return { user: presentUser(user), ...(await this.issuer.start(trx, user, client)) };
    });
  }

  /**
   * Creates a user with the given roles (no mail, no session); 409 when the email is taken. An
   * ADMIN made this way (by the operator, seeds and tests) holds every admin permission.
   */
  async createUser(ctx: Ctx, input: RegisterInput, roles: Role[]): Promise<UserRow> {
    const passwordHash = await this.passwords.hash(input.password);
    return transaction(ctx.db, async (trx) => {
      const user = await this.insertUser(trx, ctx.storeId, input, passwordHash, roles);
      if (roles.includes('ADMIN'))
        await profileRepo.upsertAdminProfile(trx, ctx.storeId, user.id, { permissions: [...PERMISSIONS] });
      return user;
    });
  }

  private async insertUser(
    db: Db,
    storeId: string,
    input: RegisterInput,
    passwordHash: string,
    roles: Role[],
    emailVerifiedAt: Date | null = null,
  ): Promise<UserRow> {
    try {
      return await userRepo.insertUser(db, {
        id: newId(),
        store_id: storeId,
        email: input.email.trim(),
        password_hash: passwordHash,
        name: input.name.trim(),
        phone: input.phone ?? null,
        roles,
        group_id: null,
        deactivated_reason: null,
        email_verified_at: emailVerifiedAt,
        last_login_at: null,
        deleted_at: null,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTaken();
      throw error;
    }
  }

  /** Whether an active user of the request's store holds `role` (other modules' checks; no access check). */
  async holdsRole(ctx: Ctx, userId: string, role: Role): Promise<boolean> {
    if (!isUuid(userId)) return false;
    const user = await userRepo.findUserById(ctx.db, ctx.storeId, userId);
    return !!user && user.status === 'ACTIVE' && user.roles.includes(role);
  }

  async me(ctx: Ctx): Promise<UserView> {
    const actor = requireActor(ctx);
    const user =
      this.authenticated.get(actor) ?? (await userRepo.findUserById(ctx.db, ctx.storeId, actor.userId));
    if (!user) throw new UserNotFound();
    // a platform account acting in this store (decision 014) is shown with the roles it holds here
    if (user.store_id !== ctx.storeId) return { ...presentUser(user), roles: actor.roles };
    return presentUser(user);
  }

  async updateMe(ctx: Ctx, changes: { name?: string | undefined; phone?: string | null | undefined }) {
    const actor = requireActor(ctx);
    const user = await userRepo.updateUser(ctx.db, ctx.storeId, actor.userId, {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      // a changed phone is unconfirmed until a sign-in code proves it again
      ...(changes.phone !== undefined ? { phone: changes.phone, phone_verified_at: null } : {}),
    });
    if (!user) throw new UserNotFound();
    return presentUser(user);
  }

  /**
   * Changes the password and signs out every other session (the current one stays). Each try is
   * counted per account before the current password is checked, so a stolen access token gives
   * no more guesses than the sign-in lock does.
   */
  async changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
    const actor = requireActor(ctx);
    refusePassword(input.newPassword, '/newPassword');
    await reservePasswordChange(ctx.db, ctx.storeId, actor.userId);
    const current = await userRepo.findPasswordHash(ctx.db, ctx.storeId, actor.userId);
    if (!(await this.passwords.verify(current?.password_hash, input.currentPassword))) {
      const detail = 'The current password is incorrect.';
      throw new BadRequest(detail, [{ pointer: '/currentPassword', in: 'body', detail }], 'wrong-password');
    }
    await clearPasswordChangeFailures(ctx.db, ctx.storeId, actor.userId);
    const passwordHash = await this.passwords.hash(input.newPassword);
    await transaction(ctx.db, async (trx) => {
      await userRepo.updateUser(trx, ctx.storeId, actor.userId, { password_hash: passwordHash });
      await sessionRepo.revokeAllSessions(
        trx,
        ctx.storeId,
        actor.userId,
        'PASSWORD_CHANGED',
        actor.sessionId,
      );
    });
  }

  /**
   * Creates the admin if the email is free. An existing account becomes ADMIN only when the given
   * password is its own: someone may have registered the operator's address first (409 otherwise).
   */
  async ensureAdmin(ctx: Ctx, email: string, password: string): Promise<UserRow> {
    refusePassword(password);
    const { db, storeId } = ctx;
    const existing = await userRepo.findUserByEmail(db, storeId, email);
    if (existing) {
      if (existing.roles.includes('ADMIN')) return existing;
      if (!(await this.passwords.verify(existing.password_hash, password))) throw new AdminClaimRefused();
      return transaction(db, async (trx) => {
        await profileRepo.upsertAdminProfile(trx, storeId, existing.id, { permissions: [...PERMISSIONS] });
        return (await userRepo.setRoles(trx, storeId, existing.id, [
          ...new Set([...existing.roles, 'ADMIN' as const]),
        ]))!;
      });
    }
    try {
      return await this.createUser(ctx, { email, password, name: 'Administrator' }, ['ADMIN']);
    } catch (error) {
      // created at the same moment by another process: the same rule applies to it
      if (error instanceof EmailTaken && (await userRepo.findUserByEmail(db, storeId, email)))
        return this.ensureAdmin(ctx, email, password);
      throw error;
    }
  }

  // --- sign-in and sessions ---------------------------------------------------------------------

  async login(ctx: Ctx, input: { email: string; password: string }, client: ClientInfo = {}) {
    const email = input.email.trim();
    // Counted before the password is checked (unknown emails too, so the answers stay identical).
    await reserveLoginAttempt(ctx.db, ctx.storeId, email);
    const found = await userRepo.findUserByEmail(ctx.db, ctx.storeId, email);
    const ok = await this.passwords.verify(found?.password_hash, input.password);
    if (!found || !ok) throw new InvalidCredentials();
    await recordLoginSuccess(ctx.db, ctx.storeId, email);
    if (found.status !== 'ACTIVE') throw new AccountDeactivated();
    await userRepo.touchLogin(ctx.db, ctx.storeId, found.id);
    const { password_hash: _, ...user } = found;
    return { user: presentUser(user), ...(await this.issuer.start(ctx.db, user, client)) };
  }

  /**
   * Rotates a refresh token. Presenting a spent one revokes its whole session (theft detection). In
   * a store, a platform account's store-bound refresh token (decision 019) is renewed too, while the
   * account still has access there.
   */
  async refresh(ctx: Ctx, refreshToken: string, client: ClientInfo = {}): Promise<Tokens> {
    const own = { storeId: ctx.storeId, boundTo: null };
    const outcome =
      (await this.issuer.rotate(ctx.db, own, refreshToken, client)) ??
      (this.bindsTo(ctx) ? await this.bound.refresh(ctx, refreshToken, client) : null);
    if (!outcome) throw new InvalidRefreshToken();
    return outcome;
  }

  /** Ends the session of a refresh token; unknown tokens are ignored (logout always succeeds). */
  async logout(ctx: Ctx, refreshToken: string): Promise<void> {
    const token = await sessionRepo.findRefreshTokenForUpdate(ctx.db, hashToken(refreshToken));
    if (token && token.store_id === ctx.storeId && !token.bound_store_id)
      await sessionRepo.revokeSession(ctx.db, token.family_id!, 'LOGOUT');
    else if (this.bindsTo(ctx)) await this.bound.logout(ctx, refreshToken);
  }

  async logoutEverywhere(ctx: Ctx): Promise<void> {
    const actor = requireActor(ctx);
    await sessionRepo.revokeAllSessions(ctx.db, ctx.storeId, actor.userId, 'LOGOUT_ALL');
  }

  async listSessions(ctx: Ctx, query: { limit: number; cursor?: string | undefined }) {
    const actor = requireActor(ctx);
    const after = decodeCursor(query.cursor, IdCursor);
    const rows = await sessionRepo.listActiveSessions(
      ctx.db,
      ctx.storeId,
      actor.userId,
      query.limit,
      after?.id,
    );
    return toPage(
      rows,
      query.limit,
      (s) => ({
        id: s.id,
        userAgent: s.user_agent,
        ip: s.ip,
        createdAt: s.created_at.toISOString(),
        lastUsedAt: s.last_used_at.toISOString(),
        expiresAt: s.expires_at.toISOString(),
        current: s.id === actor.sessionId,
      }),
      (s) => ({ id: s.id }),
    );
  }

  /** Revokes one of the caller's sessions; anyone else's (or an unknown id) is 404. */
  async revokeSession(ctx: Ctx, sessionId: string): Promise<void> {
    const actor = requireActor(ctx);
    const done =
      isUuid(sessionId) &&
      (await sessionRepo.revokeUserSession(ctx.db, ctx.storeId, actor.userId, sessionId, 'REVOKED'));
    if (!done) throw new SessionNotFound();
  }

  /** Decides what a platform account may do in a store (set by the composition; none: nothing). */
  useStoreAccess(access: StoreAccess, realmDb?: Db): void {
    this.storeAccess = access;
    this.realmDb = realmDb ?? null;
  }

  /**
   * The actor of a bearer token: a user of the request's store, or a platform account (its realm
   * token, or a token bound to this store) that the store access rule lets in, with the roles it
   * holds there. One primary-key join per request checks that the user is active and the token's
   * session live, so deactivation, revocation and role changes take effect at once, not when the
   * token expires; the requests signing in at the same time share that query.
   */
  async authenticate(ctx: Ctx, bearer: string): Promise<Actor | null> {
    const own = await this.authenticateIn(ctx, ctx.storeId, bearer);
    if (own || !this.bindsTo(ctx)) return own;
    // a token bound to this store (decision 019), else the account's own realm token (decision 014)
    const bound = isStoreBoundToken(bearer);
    if (!bound && !isPlatformToken(bearer)) return null;
    // the account is read as the realm (row-level security shows a store's session its own users only)
    const realm = this.realmDb ? { ...ctx, db: this.realmDb } : ctx;
    const account = await this.authenticateIn(realm, PLATFORM_REALM, bearer, bound ? ctx.storeId : null);
    const acting = account && (await this.storeAccess!(ctx, account, { bound }));
    // the account's own row, for `/me` in this store (it answers with the roles held here)
    if (account && acting) this.authenticated.set(acting, this.authenticated.get(account)!);
    return acting;
  }

  /** Whether the request's store lets platform accounts in (it is a store, and the rule is wired). */
  private bindsTo(ctx: Ctx): boolean {
    return ctx.storeId !== PLATFORM_REALM && this.storeAccess !== null;
  }

  /**
   * The user of `storeId` a token names, if its session is live. A token bound to a store
   * (`boundTo`) is checked for that store's audience and must name `storeId` as its realm; any other
   * token must be `storeId`'s own and name no realm, so neither passes for the other.
   */
  private async authenticateIn(
    ctx: Ctx,
    storeId: string,
    bearer: string,
    boundTo: string | null = null,
  ): Promise<Actor | null> {
    const claims = await verifyAccessToken(this.keys, bearer, boundTo ?? storeId);
    if (!claims || claims.storeId !== (boundTo ?? storeId)) return null;
    if ((claims.realm ?? null) !== (boundTo ? storeId : null)) return null;
    if (!isUuid(claims.userId) || !isUuid(claims.sessionId)) return null;
    const found = await this.findActor(ctx.db, {
      storeId,
      userId: claims.userId,
      sessionId: claims.sessionId,
    });
    if (!found) return null;
    const { permissions, ...user } = found;
    const actor: Actor = {
      userId: user.id,
      storeId,
      roles: user.roles,
      permissions: (permissions ?? []).filter(isPermission),
      sessionId: claims.sessionId,
    };
    this.authenticated.set(actor, user);
    return actor;
  }

  private findActor(db: Db, key: userRepo.ActorKey): Promise<userRepo.ActorRow | undefined> {
    if (db.isTransaction) return userRepo.findActors(db, [key]).then(([row]) => row);
    let find = this.actorLookups.get(db);
    if (!find) {
      find = coalescing((keys) => userRepo.findActors(db, keys));
      this.actorLookups.set(db, find);
    }
    return find(key);
  }

  // --- housekeeping -----------------------------------------------------------------------------

  /** Deletes expired tokens and sessions and stale counters, in batches; the scheduled purge job. */
  async purgeExpired(db: Db): Promise<number> {
    let total = await purgeExpiredCodes(db);
    for (;;) {
      const removed = await sessionRepo.purgeExpired(db, PURGE_BATCH);
      total += removed;
      if (removed === 0) return total;
    }
  }
}
