import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation, transaction } from '../../platform/db/transaction.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { TooManyRequests } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { DataCipher } from './identity.crypto.ts';
import { AccountDeactivated, InvalidCode, PhoneSignUpClosed } from './identity.errors.ts';
import { IdentityEvents } from './identity.events.ts';
import type { ClientInfo, Tokens } from './identity.issuer.ts';
import { hitAccountLimit } from './identity.limits.ts';
import * as phoneRepo from './identity.phone.repository.ts';
import { presentUser } from './identity.presenters.ts';
import type { UserView } from './identity.schemas.ts';
import type { UserRow } from './identity.users.repository.ts';
import * as userRepo from './identity.users.repository.ts';

/** Codes live 5 minutes, allow 5 guesses, and a new one is sent at most once a minute. */
export const PHONE_CODE = { ttlSeconds: 5 * 60, maxGuesses: 5, cooldownSeconds: 60 } as const;

/** Whether the request's store opens a customer account at a phone's first sign-in. */
export type PhoneSignUpPolicy = (ctx: Ctx) => Promise<boolean>;

export interface PhoneSignInDeps {
  jobs: Jobs;
  cipher: DataCipher;
  /** Starts a session for the user (the same tokens as a password sign-in). */
  start(db: Db, user: UserRow, client: ClientInfo): Promise<Tokens>;
}

const ACCEPTED = {
  status: 'accepted' as const,
  detail: 'If this phone can sign in here, a code is on its way by SMS.',
  expiresInSeconds: PHONE_CODE.ttlSeconds,
  resendAfterSeconds: PHONE_CODE.cooldownSeconds,
};

const retryAfter = (at: Date) => Math.max(1, Math.ceil((at.getTime() - Date.now()) / 1000));

/**
 * Phone sign-in (seed 001 keys users by phone): a six-digit code sent by SMS signs in to the
 * account whose phone a code confirmed before, or opens a customer account where the store allows
 * it. Codes are kept as keyed digests, live 5 minutes and lock after 5 wrong guesses. The code
 * leaves in an event, sealed, which notifications sends as the `SIGN_IN_CODE` message.
 */
export class PhoneSignIn {
  private signUpAllowed: PhoneSignUpPolicy = async () => true;

  constructor(private readonly deps: PhoneSignInDeps) {}

  useSignUpPolicy(policy: PhoneSignUpPolicy): void {
    this.signUpAllowed = policy;
  }

  /**
   * Sends a code, answering the same whether or not the phone has an account. Counted per phone
   * and per address first; a second request within the cool-down is 429 with Retry-After. No code
   * goes to a deactivated account, nor to a new phone where the store opens no accounts by phone.
   */
  async requestCode(ctx: Ctx, phone: string, ip: string | undefined) {
    await hitAccountLimit(ctx.db, ctx.storeId, 'phone-code-ip', ip ?? 'unknown');
    await hitAccountLimit(ctx.db, ctx.storeId, 'phone-code', phone);
    const user = await phoneRepo.findUserByVerifiedPhone(ctx.db, ctx.storeId, phone);
    if (user ? user.status !== 'ACTIVE' : !(await this.signUpAllowed(ctx))) return ACCEPTED;
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    await transaction(ctx.db, async (trx) => {
      const stored = await phoneRepo.replaceCode(trx, ctx.storeId, phone, this.digest(ctx, phone, code), {
        ttlSeconds: PHONE_CODE.ttlSeconds,
        cooldownSeconds: PHONE_CODE.cooldownSeconds,
      });
      if (!stored.stored)
        throw new TooManyRequests(
          retryAfter(stored.resendAt),
          'A code was sent moments ago; wait before asking again.',
        );
      const aad = `identity:${IdentityEvents.signInCodeRequested}:${ctx.storeId}:${phone}`;
      await this.deps.jobs.publish(trx, {
        name: IdentityEvents.signInCodeRequested,
        storeId: ctx.storeId,
        payload: {
          phone,
          userId: user?.id ?? null,
          code: { sealed: this.deps.cipher.encrypt(code, aad), aad },
          minutes: PHONE_CODE.ttlSeconds / 60,
        },
      });
    });
    return ACCEPTED;
  }

  /**
   * Signs in with a code. The guess is counted before it is compared, so a burst of concurrent
   * guesses gets no more than five comparisons; a right code is spent once. The account is the
   * one whose phone was confirmed, else a new customer account (when the store allows it).
   */
  async verify(
    ctx: Ctx,
    input: { phone: string; code: string; name?: string | undefined },
    client: ClientInfo,
  ) {
    const { phone } = input;
    const guess = await phoneRepo.reserveGuess(ctx.db, ctx.storeId, phone, PHONE_CODE.maxGuesses);
    if (guess === 'locked')
      throw new TooManyRequests(
        PHONE_CODE.cooldownSeconds,
        'Too many wrong codes for this phone; ask for a new code.',
      );
    const expected = this.digest(ctx, phone, input.code);
    if (guess === 'none' || !sameDigest(guess.codeHash, expected)) throw new InvalidCode();
    if (!(await phoneRepo.spendCode(ctx.db, ctx.storeId, phone, guess.codeHash))) throw new InvalidCode();
    const user = await this.accountFor(ctx, phone, input.name);
    if (user.status !== 'ACTIVE') throw new AccountDeactivated();
    await userRepo.touchLogin(ctx.db, ctx.storeId, user.id);
    return { user: presentUser(user) as UserView, ...(await this.deps.start(ctx.db, user, client)) };
  }

  private async accountFor(ctx: Ctx, phone: string, name: string | undefined): Promise<UserRow> {
    const existing = await phoneRepo.findUserByVerifiedPhone(ctx.db, ctx.storeId, phone);
    if (existing) return existing;
    if (!(await this.signUpAllowed(ctx))) throw new PhoneSignUpClosed();
    try {
      return await transaction(ctx.db, async (trx) => {
        const user = await userRepo.insertUser(trx, {
          id: newId(),
          store_id: ctx.storeId,
          email: null,
          password_hash: null,
          name: name?.trim() || phone,
          phone,
          phone_verified_at: new Date(),
          roles: ['CUSTOMER'],
          group_id: null,
          deactivated_reason: null,
          email_verified_at: null,
          last_login_at: null,
          deleted_at: null,
        });
        await this.deps.jobs.publish(trx, {
          name: IdentityEvents.userRegistered,
          storeId: ctx.storeId,
          payload: { userId: user.id, by: 'phone' },
        });
        return user;
      });
    } catch (error) {
      // the same phone's first sign-in, finished a moment earlier by another request
      const raced = isUniqueViolation(error)
        ? await phoneRepo.findUserByVerifiedPhone(ctx.db, ctx.storeId, phone)
        : undefined;
      if (raced) return raced;
      throw error;
    }
  }

  /** Bound to the store and phone, so a digest copied to another row matches nothing. */
  private digest(ctx: Ctx, phone: string, code: string): string {
    return this.deps.cipher.mac(`phone-code:${ctx.storeId}:${phone}:${code}`);
  }
}

function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
