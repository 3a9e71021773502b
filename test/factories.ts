export {
  createOffer,
  createOffers,
  createUser,
  type OfferOptions,
  serviceCtx,
  type TestOffer,
  type TestUser,
} from './kit/index.ts';
