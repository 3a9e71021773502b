import { z } from 'zod';
import type { ZodApp } from '../../platform/http/app.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import {
  AddItemBody,
  CartItemParams,
  CartParams,
  CartView,
  MoveToCartBody,
  SetQuantityBody,
  WishlistBody,
  WishlistItemBody,
  WishlistItemParams,
  WishlistParams,
  WishlistPatch,
  WishlistView,
} from './cart.schemas.ts';
import type { CartService } from './cart.service.ts';
import type { WishlistService } from './cart.wishlists.ts';

const cartTags = { tags: ['cart'] };
const bearer = [{ bearer: [] }];
const wishTags = { tags: ['wishlists'], security: bearer };
// a visitor of an unpublished store's preview link may fill a cart (decision 018)
const preview = { openInPreview: true };

export function cartRoutes(carts: CartService, wishlists: WishlistService) {
  return (app: ZodApp) => {
    app.post(
      '/carts',
      {
        schema: {
          ...cartTags,
          summary: 'Create a cart (the user’s, with a Bearer token; else a guest cart)',
          response: { 201: CartView },
        },
        config: preview,
      },
      async (req, reply) => reply.code(201).send(await carts.create(req.ctx)),
    );
    app.get(
      '/carts/:id',
      {
        schema: {
          ...cartTags,
          summary: 'A cart, with changed prices and stock problems flagged',
          params: CartParams,
          response: { 200: CartView },
        },
      },
      async (req) => carts.get(req.ctx, req.params.id),
    );
    app.post(
      '/carts/:id/items',
      {
        schema: {
          ...cartTags,
          summary: 'Add an offer (adds to the line if present); 409 if more than available',
          params: CartParams,
          body: AddItemBody,
          response: { 201: CartView },
        },
        config: preview,
      },
      async (req, reply) => reply.code(201).send(await carts.addItem(req.ctx, req.params.id, req.body)),
    );
    app.patch(
      '/carts/:id/items/:itemId',
      {
        schema: {
          ...cartTags,
          summary: 'Change a line’s quantity',
          params: CartItemParams,
          body: SetQuantityBody,
          response: { 200: CartView },
        },
        config: preview,
      },
      async (req) => carts.setQuantity(req.ctx, req.params.id, req.params.itemId, req.body.quantity),
    );
    app.delete(
      '/carts/:id/items/:itemId',
      {
        schema: {
          ...cartTags,
          summary: 'Remove a line',
          params: CartItemParams,
          response: { 200: CartView },
        },
        config: preview,
      },
      async (req) => carts.removeItem(req.ctx, req.params.id, req.params.itemId),
    );
    app.post(
      '/carts/:id/accept-prices',
      {
        schema: {
          ...cartTags,
          summary: 'Accept the current price of every line',
          params: CartParams,
          response: { 200: CartView },
        },
        config: preview,
      },
      async (req) => carts.acceptPrices(req.ctx, req.params.id),
    );
    app.post(
      '/carts/:id/merge',
      {
        schema: {
          ...cartTags,
          security: bearer,
          summary: 'Merge this guest cart into the signed-in user’s cart (after login)',
          params: CartParams,
          response: { 200: CartView },
        },
      },
      async (req) => carts.merge(req.ctx, req.params.id),
    );

    app.get(
      '/me/wishlists',
      {
        schema: {
          ...wishTags,
          summary: 'The user’s wishlists with their items, oldest first',
          querystring: PageQuery,
          response: { 200: z.object({ items: z.array(WishlistView), nextCursor: z.string().nullable() }) },
        },
      },
      async (req) => wishlists.list(req.ctx, req.query),
    );
    app.post(
      '/me/wishlists',
      {
        schema: {
          ...wishTags,
          summary: 'Create a named wishlist',
          body: WishlistBody,
          response: { 201: WishlistView },
        },
      },
      async (req, reply) => reply.code(201).send(await wishlists.create(req.ctx, req.body)),
    );
    app.patch(
      '/me/wishlists/:id',
      {
        schema: {
          ...wishTags,
          summary: 'Rename or describe a wishlist',
          params: WishlistParams,
          body: WishlistPatch,
          response: { 200: WishlistView },
        },
      },
      async (req) => wishlists.update(req.ctx, req.params.id, req.body),
    );
    app.delete(
      '/me/wishlists/:id',
      { schema: { ...wishTags, summary: 'Delete a wishlist', params: WishlistParams } },
      async (req, reply) => {
        await wishlists.remove(req.ctx, req.params.id);
        return reply.code(204).send();
      },
    );
    app.post(
      '/me/wishlists/:id/items',
      {
        schema: {
          ...wishTags,
          summary: 'Add an offer to a wishlist',
          params: WishlistParams,
          body: WishlistItemBody,
          response: { 201: WishlistView },
        },
      },
      async (req, reply) => reply.code(201).send(await wishlists.addItem(req.ctx, req.params.id, req.body)),
    );
    app.delete(
      '/me/wishlists/:id/items/:itemId',
      {
        schema: {
          ...wishTags,
          summary: 'Remove an item from a wishlist',
          params: WishlistItemParams,
          response: { 200: WishlistView },
        },
      },
      async (req) => wishlists.removeItem(req.ctx, req.params.id, req.params.itemId),
    );
    app.post(
      '/me/wishlists/:id/items/:itemId/move-to-cart',
      {
        schema: {
          ...wishTags,
          summary: 'Move an item into a cart (the given one, or the user’s)',
          params: WishlistItemParams,
          body: MoveToCartBody,
          response: { 200: CartView },
        },
      },
      async (req) => wishlists.moveToCart(req.ctx, req.params.id, req.params.itemId, req.body),
    );
  };
}
