// The test kit: one HTTP helper and factories that make their own parents, all through the API and
// the modules' doors, so tests stay put while the code behind those doors moves.

export { type CardVaultStandIn, insertSavedCard, startCardVault } from './card-vault.ts';
export {
  type Creator,
  createCategory,
  createOffer,
  createOffers,
  createProduct,
  inr,
  type OfferOptions,
  type ProductOverrides,
  type ProductView,
  sku,
  type TestOffer,
} from './catalog.ts';
export {
  type CartLine,
  type CheckoutOptions,
  checkout,
  createCart,
  createCoupon,
  createOrder,
  createPayment,
  createWarehouse,
  type OrderStatusWanted,
  shippingAddress,
  storeAdmin,
  type TestOrder,
} from './commerce.ts';
export {
  type Answer,
  anonymous,
  api,
  as,
  type CallOptions,
  type Client,
  type Headers,
  listAll,
  ok,
} from './http.ts';
export { imageFacts, makeImage } from './images.ts';
export { createStorePair, type StorePair } from './isolation.ts';
export { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from './otlp.ts';
export { type PayPalStandIn, startPayPal } from './paypal.ts';
export { hostClient, REALM, signUpOwner, type TestOwner } from './platform.ts';
export { startS3 } from './s3.ts';
export { sellDaily } from './sales.ts';
export { createStore, defaultStore, type StoreStatus, type TestStore } from './stores.ts';
export {
  createAdmin,
  createCustomer,
  createDeliveryAgent,
  createSeller,
  createUser,
  type Place,
  serviceCtx,
  storeStaff,
  type TestUser,
  type UserOptions,
} from './users.ts';
