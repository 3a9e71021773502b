import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { requireActor } from '../../platform/http/authorization.ts';
import { type Ctx, PLATFORM_REALM } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import * as attemptRepo from './identity.attempts.repository.ts';
import type { DataCipher } from './identity.crypto.ts';
import { InvalidToken } from './identity.errors.ts';
import { IdentityEvents } from './identity.events.ts';
import { hitAccountLimit } from './identity.limits.ts';
import { type PasswordHasher, refusePassword } from './identity.passwords.ts';
import { presentUser } from './identity.presenters.ts';
import type { UserView } from './identity.schemas.ts';
import * as sessionRepo from './identity.sessions.repository.ts';
import { hashToken, newOpaqueToken } from './identity.tokens.ts';
import type { UserRow } from './identity.users.repository.ts';
import * as userRepo from './identity.users.repository.ts';

const VERIFICATION_TTL_HOURS = 24;
const RESET_TTL_MINUTES = 60;
/** The queue of password reset work (see requestPasswordReset). */
export const RESET_QUEUE = 'identity.password-reset';

/** The same answer whether or not an account has the email (no enumeration). */
const RESET_ACCEPTED = {
  status: 'accepted' as const,
  detail: 'If an account uses this email, a message with a reset code is on its way.',
};

type CodeType = 'RESET_PASSWORD' | 'EMAIL_VERIFICATION';

export interface RecoveryDeps {
  jobs: Jobs;
  cipher: DataCipher;
  passwords: PasswordHasher;
}

/**
 * Email verification and password reset: single-use codes, spent once. Each code leaves in an
 * event (notifications renders and sends the mail) sealed with the data key, so neither the outbox
 * nor the job queue ever holds it in clear. Reached as
 * `IdentityService.recovery`. The same calls serve the platform's accounts, run in the realm.
 */
export class RecoveryService {
  constructor(private readonly deps: RecoveryDeps) {}

  /** Sends (again) a verification code to the signed-in user; earlier codes stop working. */
  async resendVerification(ctx: Ctx) {
    const actor = requireActor(ctx);
    await hitAccountLimit(ctx.db, ctx.storeId, 'verify-email', actor.userId);
    await transaction(ctx.db, async (trx) => {
      const user = await userRepo.findUserById(trx, ctx.storeId, actor.userId);
      if (!user || user.email_verified_at) return;
      await this.sendVerification(trx, user);
    });
    return { status: 'accepted' as const, detail: 'A verification code is on its way if one was needed.' };
  }

  async verifyEmail(ctx: Ctx, token: string): Promise<UserView> {
    return transaction(ctx.db, async (trx) => {
      const spent = await sessionRepo.consumeToken(trx, ctx.storeId, hashToken(token), 'EMAIL_VERIFICATION');
      if (!spent) throw new InvalidToken('verification');
      const user = await userRepo.updateUser(trx, ctx.storeId, spent.user_id, {
        email_verified_at: new Date(),
      });
      if (!user) throw new InvalidToken('verification');
      await this.deps.jobs.publish(trx, {
        name: IdentityEvents.emailVerified,
        storeId: ctx.storeId,
        payload: { userId: user.id },
      });
      return presentUser(user);
    });
  }

  /**
   * Answers at once, the same way and after the same work for any email: the per-email limit and
   * one queued job. The job (`sendPasswordReset`) finds the account and mails the code, or does
   * nothing for an unknown or inactive email, so neither the answer nor its timing tells them apart.
   */
  async requestPasswordReset(ctx: Ctx, email: string) {
    await hitAccountLimit(ctx.db, ctx.storeId, 'password-reset', email);
    await this.deps.jobs.enqueue(ctx.db, { queue: RESET_QUEUE, storeId: ctx.storeId, payload: { email } });
    return RESET_ACCEPTED;
  }

  /** The reset job: a fresh code for an active account, mailed; earlier codes stop working. */
  async sendPasswordReset(ctx: Ctx, email: string): Promise<void> {
    const user = await userRepo.findUserByEmail(ctx.db, ctx.storeId, email);
    if (user?.status !== 'ACTIVE') return;
    await transaction(ctx.db, (trx) =>
      this.issueCode(
        trx,
        user,
        'RESET_PASSWORD',
        RESET_TTL_MINUTES * 60,
        IdentityEvents.passwordResetRequested,
        {
          minutes: RESET_TTL_MINUTES,
          // a platform account resets on the platform console, not in a store
          platform: user.store_id === PLATFORM_REALM,
        },
      ),
    );
  }

  /**
   * Sets a new password from a reset code and ends every session of the account. The code is
   * checked and spent before any hashing, so made-up codes cost no argon2 work; if the hashing is
   * shed (503) the code is given back.
   */
  async confirmPasswordReset(ctx: Ctx, input: { token: string; password: string }): Promise<void> {
    refusePassword(input.password);
    const { spent, user } = await transaction(ctx.db, async (trx) => {
      const spent = await sessionRepo.consumeToken(
        trx,
        ctx.storeId,
        hashToken(input.token),
        'RESET_PASSWORD',
      );
      if (!spent) throw new InvalidToken('password reset');
      const user = await userRepo.findUserById(trx, ctx.storeId, spent.user_id);
      if (user?.status !== 'ACTIVE') throw new InvalidToken('password reset');
      return { spent, user };
    });
    const passwordHash = await this.deps.passwords.hash(input.password).catch(async (error: unknown) => {
      await sessionRepo.restoreToken(ctx.db, spent.id);
      throw error;
    });
    await transaction(ctx.db, async (trx) => {
      await userRepo.updateUser(trx, ctx.storeId, user.id, {
        password_hash: passwordHash,
        // The code arrived by mail, which proves the address.
        email_verified_at: user.email_verified_at ?? new Date(),
      });
      await sessionRepo.revokeAllSessions(trx, ctx.storeId, user.id, 'PASSWORD_RESET');
      if (user.email) await attemptRepo.clearAttempts(trx, ctx.storeId, 'login', user.email.toLowerCase());
      await this.deps.jobs.publish(trx, {
        name: IdentityEvents.userPasswordReset,
        storeId: ctx.storeId,
        payload: { userId: user.id },
      });
    });
  }

  /** A verification code for a new or unverified account, mailed in the caller's transaction. */
  async sendVerification(db: Db, user: UserRow): Promise<void> {
    await this.issueCode(
      db,
      user,
      'EMAIL_VERIFICATION',
      VERIFICATION_TTL_HOURS * 3600,
      IdentityEvents.verificationRequested,
      {
        hours: VERIFICATION_TTL_HOURS,
      },
    );
  }

  /**
   * Withdraws the user's unspent codes of `type`, stores a fresh one (its hash only) and publishes
   * the event that mails it, the code sealed and bound to the event, store and user, all in the
   * caller's transaction.
   */
  private async issueCode(
    db: Db,
    user: UserRow,
    type: CodeType,
    ttlSeconds: number,
    event: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await sessionRepo.revokeUnspentTokens(db, user.store_id, user.id, type);
    const secret = newOpaqueToken();
    await sessionRepo.insertToken(db, {
      id: newId(),
      store_id: user.store_id,
      user_id: user.id,
      type,
      token_hash: secret.hash,
      family_id: null,
      user_agent: null,
      ip: null,
      expires_at: new Date(Date.now() + ttlSeconds * 1000),
      used_at: null,
      revoked_at: null,
      last_used_at: null,
    });
    const aad = `identity:${event}:${user.store_id}:${user.id}`;
    await this.deps.jobs.publish(db, {
      name: event,
      storeId: user.store_id,
      payload: {
        userId: user.id,
        code: { sealed: this.deps.cipher.encrypt(secret.token, aad), aad },
        ...details,
      },
    });
  }
}
