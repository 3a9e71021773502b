// Acceptance of terms: who accepted which version of a kind, when and where. A kind asks for
// acceptance from its `required_from` version on (the latest published version that asked); a
// user has accepted it when they accepted that version or a later one. Sign-up and checkout call
// in through ports (src/flows/terms.ts) inside their own transactions.
import { requireActor } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { TermsAcceptanceRequired, type TermsToAccept, TermsVersionNotCurrent } from './reference.errors.ts';
import { type KindState, pickVersion, type TermsState } from './reference.terms.cache.ts';
import * as repo from './reference.terms.repository.ts';
import type { AcceptedTerms, MyTermsView } from './reference.terms.schemas.ts';
import type { TermsDeps } from './reference.terms.ts';

/** Who accepts: a user, or a guest at checkout by email. */
export interface Holder {
  userId: string | null;
  email?: string | null | undefined;
}

export interface AcceptanceClient {
  ip?: string | undefined;
  userAgent?: string | undefined;
}

type Context = 'SIGN_UP' | 'CHECKOUT' | 'PROMPT';

/** The kind checkout asks a buyer to accept. */
export const CHECKOUT_KIND = 'terms-of-sale';

export class TermsAcceptance {
  constructor(private readonly deps: TermsDeps) {}

  /** The kinds a user is asked to accept (their audiences), what they accepted and what is pending. */
  async mine(ctx: Ctx, lang?: string): Promise<MyTermsView> {
    const actor = requireActor(ctx);
    const state = await this.deps.cache.state(ctx);
    const audiences = new Set(['BUYER', ...(actor.roles.includes('SELLER') ? ['SELLER'] : [])]);
    const kinds = [...state.values()].filter((k) => audiences.has(k.audience) && k.current.length > 0);
    if (kinds.length === 0) return { items: [] };
    const accepted = new Map(
      (await repo.latestAcceptances(ctx.db, ctx.storeId, actor.userId)).map((a) => [a.kind, a]),
    );
    const storeLanguage = await this.deps.storeLanguage(ctx);
    return {
      items: kinds.map((k) => {
        const shown = pickVersion(k.current, lang, storeLanguage)!;
        const mine = accepted.get(k.kind);
        return {
          kind: k.kind,
          audience: k.audience,
          title: shown.title,
          currentVersion: shown.version,
          language: shown.language,
          requiredFrom: k.requiredFrom,
          acceptedVersion: mine?.version ?? null,
          acceptedAt: mine ? new Date(mine.accepted_at).toISOString() : null,
          pending: k.requiredFrom !== null && (mine?.version ?? 0) < k.requiredFrom,
        };
      }),
    };
  }

  /** The signed-in user accepts current versions (`POST /me/terms/accept`). */
  async accept(ctx: Ctx, accepted: AcceptedTerms, client: AcceptanceClient): Promise<MyTermsView> {
    const actor = requireActor(ctx);
    const state = await this.deps.cache.state(ctx);
    await this.record(ctx, state, { userId: actor.userId }, accepted, { context: 'PROMPT', client });
    return this.mine(ctx);
  }

  /**
   * Sign-up (or, with `SELLER`, a seller application), inside its transaction: the kinds of the
   * audience that ask for acceptance must be
   * accepted (409 `terms-acceptance-required` naming them), and what is accepted is recorded.
   * A store without such terms costs nothing here (the cache answers).
   */
  async atSignUp(
    ctx: Ctx,
    holder: Holder,
    accepted: AcceptedTerms | undefined,
    client: AcceptanceClient,
    audience: 'BUYER' | 'SELLER' = 'BUYER',
  ) {
    const state = await this.deps.cache.state(ctx);
    const needed = [...state.values()].filter((k) => k.audience === audience && k.requiredFrom !== null);
    if (needed.length === 0 && !accepted?.length) return;
    await this.current(ctx, state, accepted ?? []);
    await this.missing(ctx, needed, accepted ?? [], null);
    await this.record(ctx, state, holder, accepted ?? [], { context: 'SIGN_UP', client });
  }

  /**
   * Before checkout's transaction: whether the buyer must (or chose to) accept anything; 409
   * `terms-acceptance-required` when the terms of sale ask for it and the buyer has not accepted
   * them. Null (no statement) when the store asks for nothing and nothing was sent.
   */
  async beforeCheckout(
    ctx: Ctx,
    holder: Holder,
    accepted: AcceptedTerms | undefined,
  ): Promise<AcceptedTerms | null> {
    const state = await this.deps.cache.state(ctx);
    const kind = state.get(CHECKOUT_KIND);
    const needed = kind && kind.requiredFrom !== null ? [kind] : [];
    if (needed.length === 0 && !accepted?.length) return null;
    await this.current(ctx, state, accepted ?? []);
    await this.missing(ctx, needed, accepted ?? [], holder.userId);
    return accepted ?? [];
  }

  /** Inside checkout's transaction: records what the buyer accepted with the order. */
  async atCheckout(
    ctx: Ctx,
    holder: Holder,
    accepted: AcceptedTerms,
    orderId: string,
    client: AcceptanceClient,
  ) {
    if (accepted.length === 0) return;
    const state = await this.deps.cache.state(ctx);
    await this.record(ctx, state, holder, accepted, { context: 'CHECKOUT', client, orderId });
  }

  /** The acceptances an order was placed with. */
  async ofOrder(ctx: Ctx, orderId: string) {
    return repo.orderAcceptances(ctx.db, ctx.storeId, orderId);
  }

  /** 409 `terms-version-not-current` for a version sent that is not current as the process knows it. */
  private async current(ctx: Ctx, state: TermsState, accepted: AcceptedTerms) {
    for (const a of accepted) {
      const kind = state.get(a.kind);
      if (kind?.current.some((c) => c.version === a.version)) continue;
      throw new TermsVersionNotCurrent(a.kind, a.version, kind ? await this.toAccept(ctx, [kind]) : []);
    }
  }

  /** 409 naming the kinds of `needed` that neither `accepted` nor the user's earlier acceptances cover. */
  private async missing(ctx: Ctx, needed: KindState[], accepted: AcceptedTerms, userId: string | null) {
    const sent = new Map(accepted.map((a) => [a.kind, a.version]));
    let open = needed.filter((k) => (sent.get(k.kind) ?? 0) < k.requiredFrom!);
    if (open.length > 0 && userId) {
      const earlier = new Map(
        (await repo.latestAcceptances(ctx.db, ctx.storeId, userId)).map((a) => [a.kind, a.version]),
      );
      open = open.filter((k) => (earlier.get(k.kind) ?? 0) < k.requiredFrom!);
    }
    if (open.length > 0) throw new TermsAcceptanceRequired(await this.toAccept(ctx, open));
  }

  /** Each kind's current version in the store's language (else another), as a 409 names it. */
  private async toAccept(ctx: Ctx, kinds: KindState[]): Promise<TermsToAccept[]> {
    const storeLanguage = await this.deps.storeLanguage(ctx);
    return kinds.flatMap((k) => {
      const v = pickVersion(k.current, undefined, storeLanguage);
      return v ? [{ kind: k.kind, version: v.version, title: v.title, language: v.language }] : [];
    });
  }

  /**
   * Checks each accepted version is current (locking it against a publish until the caller's
   * transaction ends; 409 `terms-version-not-current` otherwise), then records them.
   */
  private async record(
    ctx: Ctx,
    state: TermsState,
    holder: Holder,
    accepted: AcceptedTerms,
    how: { context: Context; client: AcceptanceClient; orderId?: string },
  ) {
    if (accepted.length === 0) return;
    const locked = await repo.lockCurrent(ctx.db, ctx.storeId, accepted);
    for (const a of accepted) {
      if (locked.some((l) => l.kind === a.kind && l.version === a.version)) continue;
      const kind = state.get(a.kind);
      throw new TermsVersionNotCurrent(a.kind, a.version, kind ? await this.toAccept(ctx, [kind]) : []);
    }
    await repo.insertAcceptances(
      ctx.db,
      locked.map((l) => ({
        id: newId(),
        store_id: ctx.storeId,
        user_id: holder.userId,
        email: holder.userId ? null : (holder.email ?? null),
        kind: l.kind,
        version: l.version!,
        language: l.language,
        context: how.context,
        order_id: how.orderId ?? null,
        ip: how.client.ip?.slice(0, 64) ?? null,
        user_agent: how.client.userAgent?.slice(0, 500) ?? null,
      })),
    );
  }
}
