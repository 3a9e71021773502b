import { isUniqueViolation, transaction } from '../../platform/db/transaction.ts';
import { requireActor } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import * as addressRepo from './identity.addresses.repository.ts';
import { AddressLabelTaken, AddressLimitReached, AddressNotFound, UserNotFound } from './identity.errors.ts';
import { presentAddress } from './identity.presenters.ts';
import { type AddressView, type CreateAddressBody, IdCursor } from './identity.schemas.ts';
import * as userRepo from './identity.users.repository.ts';

export const MAX_ADDRESSES_PER_USER = 50;

export type CreateAddress = CreateAddressBody;

export type UpdateAddress = {
  [K in keyof Omit<CreateAddress, 'isDefaultShipping' | 'isDefaultBilling'>]?: CreateAddress[K] | null;
} & { isDefaultShipping?: boolean | undefined; isDefaultBilling?: boolean | undefined };

/** A label clash is a 409; everything else propagates. */
function labelClash(error: unknown): never {
  if (isUniqueViolation(error, 'user_addresses_label_idx')) throw new AddressLabelTaken();
  throw error;
}

/**
 * The signed-in user's address book. Every query carries the user's id, so another user's
 * address is simply not found (404). Changes lock the user's row, so two requests cannot both
 * make an address the default; the partial unique indexes are the last line of defence.
 */
export class AddressService {
  async list(ctx: Ctx, query: { limit: number; cursor?: string | undefined }) {
    const actor = requireActor(ctx);
    const after = decodeCursor(query.cursor, IdCursor);
    const rows = await addressRepo.listAddresses(ctx.db, ctx.storeId, actor.userId, query.limit, after?.id);
    return toPage(rows, query.limit, presentAddress, (a) => ({ id: a.id }));
  }

  /** One of the caller's addresses (checkout uses this for a saved address). */
  async get(ctx: Ctx, id: string): Promise<AddressView> {
    const actor = requireActor(ctx);
    const row = isUuid(id) ? await addressRepo.findAddress(ctx.db, ctx.storeId, actor.userId, id) : undefined;
    if (!row) throw new AddressNotFound();
    return presentAddress(row);
  }

  async create(ctx: Ctx, input: CreateAddress): Promise<AddressView> {
    const actor = requireActor(ctx);
    return transaction(ctx.db, async (trx) => {
      if (!(await userRepo.lockUser(trx, ctx.storeId, actor.userId))) throw new UserNotFound();
      const facts = await addressRepo.addressFacts(trx, ctx.storeId, actor.userId);
      if (facts.count >= MAX_ADDRESSES_PER_USER) throw new AddressLimitReached(MAX_ADDRESSES_PER_USER);
      // The first address becomes the default for both unless the caller says otherwise.
      const shipping = input.isDefaultShipping ?? !facts.hasShipping;
      const billing = input.isDefaultBilling ?? !facts.hasBilling;
      if (shipping) await addressRepo.clearDefault(trx, ctx.storeId, actor.userId, 'shipping');
      if (billing) await addressRepo.clearDefault(trx, ctx.storeId, actor.userId, 'billing');
      const row = await addressRepo
        .insertAddress(trx, {
          id: newId(),
          store_id: ctx.storeId,
          user_id: actor.userId,
          label: input.label ?? null,
          name: input.name,
          line1: input.line1,
          line2: input.line2 ?? null,
          city: input.city,
          state: input.state,
          postal_code: input.postalCode,
          country: input.country,
          phone: input.phone ?? null,
          is_default_shipping: shipping,
          is_default_billing: billing,
        })
        .catch(labelClash);
      return presentAddress(row);
    });
  }

  async update(ctx: Ctx, id: string, changes: UpdateAddress): Promise<AddressView> {
    const actor = requireActor(ctx);
    if (!isUuid(id)) throw new AddressNotFound();
    return transaction(ctx.db, async (trx) => {
      if (!(await userRepo.lockUser(trx, ctx.storeId, actor.userId))) throw new UserNotFound();
      const current = await addressRepo.findAddress(trx, ctx.storeId, actor.userId, id);
      if (!current) throw new AddressNotFound();
      if (changes.isDefaultShipping && !current.is_default_shipping)
        await addressRepo.clearDefault(trx, ctx.storeId, actor.userId, 'shipping');
      if (changes.isDefaultBilling && !current.is_default_billing)
        await addressRepo.clearDefault(trx, ctx.storeId, actor.userId, 'billing');
      const set: Parameters<typeof addressRepo.updateAddress>[4] = {};
      if (changes.label !== undefined) set.label = changes.label;
      if (changes.name != null) set.name = changes.name;
      if (changes.line1 != null) set.line1 = changes.line1;
      if (changes.line2 !== undefined) set.line2 = changes.line2;
      if (changes.city != null) set.city = changes.city;
      if (changes.state != null) set.state = changes.state;
      if (changes.postalCode != null) set.postal_code = changes.postalCode;
      if (changes.country != null) set.country = changes.country;
      if (changes.phone !== undefined) set.phone = changes.phone;
      if (changes.isDefaultShipping !== undefined) set.is_default_shipping = changes.isDefaultShipping;
      if (changes.isDefaultBilling !== undefined) set.is_default_billing = changes.isDefaultBilling;
      const row = await addressRepo.updateAddress(trx, ctx.storeId, actor.userId, id, set).catch(labelClash);
      if (!row) throw new AddressNotFound();
      return presentAddress(row);
    });
  }

  async remove(ctx: Ctx, id: string): Promise<void> {
    const actor = requireActor(ctx);
    const removed = isUuid(id) && (await addressRepo.deleteAddress(ctx.db, ctx.storeId, actor.userId, id));
    if (!removed) throw new AddressNotFound();
  }
}
