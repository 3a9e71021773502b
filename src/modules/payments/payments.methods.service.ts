import { transaction } from '../../platform/db/transaction.ts';
import { requireActor } from '../../platform/http/authorization.ts';
import { type Ctx, systemCtx } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { JobRun, Jobs, QueueOptions } from '../../platform/jobs/jobs.ts';
import { ProviderFailure } from './payments.errors.ts';
import { SavedMethodNotFound, SavedMethodsUnavailable, SetupNotVerified } from './payments.methods.errors.ts';
import * as repo from './payments.methods.repository.ts';
import type { SaveBody, SavedMethodView } from './payments.methods.schemas.ts';
import type { SavedMethodRef } from './providers/provider.ts';
import type { BuyerProfile, PaymentMethodVault, SavedCard } from './providers/vault.ts';

/** Detaches at the provider what a buyer removed, until the provider confirms (decision 033). */
export const DETACH_QUEUE = 'payments.methods.detach';
const DETACH_RETRY: QueueOptions = { backoffMs: 60_000, maxBackoffMs: 4 * 3_600_000, maxAttempts: 16 };
/** The queued detach waits this long, so the attempt made in the request normally settles it first. */
const DETACH_GRACE_MS = 60_000;

export function presentMethod(row: repo.SavedMethodRow): SavedMethodView {
  return {
    id: row.id,
    provider: row.provider,
    type: row.type,
    brand: row.brand,
    last4: row.last4.trim(),
    expMonth: row.exp_month,
    expYear: row.exp_year,
    isDefault: row.is_default,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * A signed-in buyer's saved cards (decision 033): set up at the provider, saved as the provider's
 * token and display fields, made default, removed; and found for one-click checkout. Only the owner
 * reaches a method: every query is by the caller's own user id, so staff see no one else's.
 */
export class PaymentMethodsService {
  private buyer: (ctx: Ctx) => Promise<BuyerProfile> = async () => ({ name: 'Customer', email: null });

  constructor(
    private readonly vaults: Map<string, PaymentMethodVault>,
    private readonly jobs: Jobs,
    /** Development and tests: a Stripe test card may confirm a SetupIntent in place of Stripe.js. */
    private readonly testCards: boolean,
  ) {
    jobs.handle<{ methodId: string }>(DETACH_QUEUE, (job) => this.detachJob(job), DETACH_RETRY);
  }

  /** Wires who the buyer is (identity), for the customer record at the provider; called once at assembly. */
  useBuyers(profile: (ctx: Ctx) => Promise<BuyerProfile>): void {
    this.buyer = profile;
  }

  providers(): string[] {
    return [...this.vaults.keys()];
  }

  /** Starts adding a card: the buyer's customer at the provider (made once), then a setup for the client. */
  async setup(ctx: Ctx, provider: string) {
    const actor = requireActor(ctx);
    const vault = this.vault(provider);
    return this.atProvider(ctx, 'start the setup', async () => {
      const customerId = await this.customer(ctx, vault, actor.userId);
      const started = await vault.startSetup(customerId, `setup:${newId()}`);
      return {
        provider: vault.provider as 'stripe' | 'razorpay',
        setupId: started.setupId,
        clientSecret: started.clientSecret ?? null,
        nextAction: started.nextAction,
      };
    });
  }

  /**
   * Saves the card a finished setup left on the buyer's customer, as the provider shows it: only the
   * token and display fields. The first card is the default. Saving the same token again answers it.
   */
  async save(ctx: Ctx, body: SaveBody): Promise<SavedMethodView> {
    const actor = requireActor(ctx);
    const vault = this.vault(body.provider);
    if (body.testCard && !this.testCards)
      throw new BadRequest('Test cards are for development only.', [
        { pointer: '/testCard', in: 'body', detail: 'Not accepted in production.' },
      ]);
    const pointer = body.provider === 'stripe' ? '/setupId' : '/token';
    const customerId = await repo.findCustomer(ctx.db, ctx.storeId, actor.userId, vault.provider);
    if (!customerId) throw new SetupNotVerified(pointer);
    const card = await this.atProvider(ctx, 'check the setup', () => vault.completeSetup(customerId, body));
    if (!card) throw new SetupNotVerified(pointer);
    return this.record(ctx, actor.userId, vault.provider, customerId, card, pointer);
  }

  private record(
    ctx: Ctx,
    userId: string,
    provider: string,
    customerId: string,
    card: SavedCard,
    pointer: string,
  ): Promise<SavedMethodView> {
    return transaction(ctx.db, async (trx) => {
      const mine = await repo.lockUserMethods(trx, ctx.storeId, userId);
      const known = await repo.findByToken(trx, ctx.storeId, provider, card.providerMethodId);
      if (known && known.user_id !== userId) throw new SetupNotVerified(pointer);
      if (known) return presentMethod(known);
      const row = await repo.insertMethod(trx, {
        id: newId(),
        store_id: ctx.storeId,
        user_id: userId,
        provider,
        provider_customer_id: customerId,
        provider_method_id: card.providerMethodId,
        brand: card.brand,
        last4: card.last4,
        exp_month: card.expMonth,
        exp_year: card.expYear,
        is_default: !mine.some((m) => m.is_default),
        removed_at: null,
        detached_at: null,
      });
      return presentMethod(row);
    });
  }

  async list(ctx: Ctx) {
    const actor = requireActor(ctx);
    const rows = await repo.listMethods(ctx.db, ctx.storeId, actor.userId);
    return { items: rows.map(presentMethod), nextCursor: null };
  }

  /** Makes one of the buyer's cards the default; racing calls run one at a time per buyer, one default wins. */
  async makeDefault(ctx: Ctx, id: string): Promise<SavedMethodView> {
    const actor = requireActor(ctx);
    if (!isUuid(id)) throw new SavedMethodNotFound();
    return transaction(ctx.db, async (trx) => {
      const mine = await repo.lockUserMethods(trx, ctx.storeId, actor.userId);
      if (!mine.some((m) => m.id === id)) throw new SavedMethodNotFound();
      await repo.setDefault(trx, ctx.storeId, actor.userId, id);
      const row = await repo.findMethod(trx, ctx.storeId, actor.userId, id);
      return presentMethod(row!);
    });
  }

  /**
   * Removes a card: marked removed here at once (no checkout can use it after; one holding it
   * finishes first), the newest other card becomes the default, then the provider detaches the
   * token. A provider that fails is asked again by a queued job until it confirms.
   */
  async remove(ctx: Ctx, id: string): Promise<void> {
    const actor = requireActor(ctx);
    if (!isUuid(id)) throw new SavedMethodNotFound();
    const removed = await transaction(ctx.db, async (trx) => {
      const mine = await repo.lockUserMethods(trx, ctx.storeId, actor.userId);
      if (!mine.some((m) => m.id === id)) throw new SavedMethodNotFound();
      const row = await repo.markRemoved(trx, ctx.storeId, id);
      const rest = await repo.listMethods(trx, ctx.storeId, actor.userId);
      if (mine.find((m) => m.id === id)?.is_default && rest[0])
        await repo.setDefault(trx, ctx.storeId, actor.userId, rest[0].id);
      await this.jobs.enqueue(trx, {
        queue: DETACH_QUEUE,
        storeId: ctx.storeId,
        payload: { methodId: id },
        dedupeKey: `detach:${id}`,
        runAt: new Date(Date.now() + DETACH_GRACE_MS),
      });
      return row;
    });
    await this.detach(ctx, removed).catch((error: unknown) =>
      ctx.log.warn({ err: error, methodId: id }, 'saved method not detached at the provider; a job retries'),
    );
  }

  /**
   * Checkout, in its transaction: the buyer's live saved method for `provider`, held (FOR SHARE)
   * against removal until the order commits. Guests and other buyers' ids get nothing.
   */
  async forCheckout(ctx: Ctx, id: string, provider: string, lock = true): Promise<SavedMethodRef> {
    if (!ctx.actor)
      throw new BadRequest('Sign in to pay with a saved card.', [
        { pointer: '/paymentMethodId', in: 'body', detail: 'Guests cannot use saved cards.' },
      ]);
    if (!isUuid(id)) throw new SavedMethodNotFound();
    const row = await repo.findMethod(ctx.db, ctx.storeId, ctx.actor.userId, id, lock ? 'share' : null);
    if (!row) throw new SavedMethodNotFound();
    if (row.provider !== provider)
      throw new BadRequest(`This saved card is paid with "${row.provider}".`, [
        { pointer: '/payment/provider', in: 'body', detail: `Use "${row.provider}" with this saved card.` },
      ]);
    return { customerId: row.provider_customer_id, methodId: row.provider_method_id };
  }

  private async detach(ctx: Ctx, row: repo.SavedMethodRow): Promise<void> {
    const vault = this.vaults.get(row.provider);
    if (!vault) return; // the provider is no longer configured: the job keeps asking
    await vault.detach(row.provider_customer_id, row.provider_method_id);
    await repo.markDetached(ctx.db, ctx.storeId, row.id);
  }

  private async detachJob(job: JobRun<{ methodId: string }>): Promise<void> {
    const ctx = systemCtx(job.db, job.storeId!, job.log, { reason: `job:${job.id}` });
    const row = await repo.findUndetached(ctx.db, ctx.storeId, job.payload.methodId);
    if (!row) return;
    if (!this.vaults.has(row.provider)) throw new Error(`provider ${row.provider} is not configured`);
    await this.detach(ctx, row);
  }

  private async customer(ctx: Ctx, vault: PaymentMethodVault, userId: string): Promise<string> {
    const known = await repo.findCustomer(ctx.db, ctx.storeId, userId, vault.provider);
    if (known) return known;
    const buyer = await this.buyer(ctx);
    // the same key for the same buyer: a retried (or racing) first setup gets the same customer
    const id = await vault.createCustomer(
      { ...buyer, storeId: ctx.storeId, userId },
      `customer:${ctx.storeId}:${userId}`,
    );
    return repo.insertCustomer(ctx.db, {
      store_id: ctx.storeId,
      user_id: userId,
      provider: vault.provider,
      provider_customer_id: id,
    });
  }

  /** A provider call; an error from it is a 502 problem, logged with what it was for. */
  private async atProvider<T>(ctx: Ctx, what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof SetupNotVerified) throw error;
      ctx.log.error({ err: error }, `payment provider could not ${what}`);
      throw new ProviderFailure(`The payment provider could not ${what}.`);
    }
  }

  private vault(provider: string): PaymentMethodVault {
    const vault = this.vaults.get(provider);
    if (!vault) throw new SavedMethodsUnavailable(provider);
    return vault;
  }
}
