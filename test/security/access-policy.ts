/**
 * Who may call each operation of the API: the one table the authorization matrix test checks the
 * server against and the "what each role may do" table of docs/security.md is generated from.
 *
 * Keys are `METHOD /path` as in the OpenAPI document, without the `/api/v1` prefix. Every operation
 * needs an entry (a new route without one fails the matrix test) and every entry an operation.
 */

/** The callers the matrix sends every request as. */
export const PRINCIPALS = [
  'anonymous',
  'customer',
  'otherCustomer',
  'seller',
  'otherSeller',
  'deliveryAgent',
  'otherAgent',
  'admin',
  'foreignAdmin',
  'businessOwner',
] as const;
export type Principal = (typeof PRINCIPALS)[number];

type Role = 'CUSTOMER' | 'SELLER' | 'DELIVERY_AGENT' | 'ADMIN' | 'SUPER_ADMIN' | 'BUSINESS_OWNER';

/**
 * The roles each principal holds in the store the requests address. Another store's admin holds
 * none here: its token belongs to its own store, so in this one it is nobody. Nor does a business
 * owner whose tenant owns another store: it acts as ADMIN in its own tenant's stores only.
 */
export const PRINCIPAL_ROLES: Record<Principal, readonly Role[]> = {
  anonymous: [],
  customer: ['CUSTOMER'],
  otherCustomer: ['CUSTOMER'],
  seller: ['CUSTOMER', 'SELLER'],
  otherSeller: ['CUSTOMER', 'SELLER'],
  deliveryAgent: ['DELIVERY_AGENT'],
  otherAgent: ['DELIVERY_AGENT'],
  admin: ['ADMIN'],
  foreignAdmin: [],
  businessOwner: [],
};

/**
 * The roles each principal holds in the platform realm, where the `/platform/…` calls run
 * (decision 014). Store accounts have no account there: their tokens are nobody's on those calls.
 */
export const PLATFORM_ROLES: Record<Principal, readonly Role[]> = {
  anonymous: [],
  customer: [],
  otherCustomer: [],
  seller: [],
  otherSeller: [],
  deliveryAgent: [],
  otherAgent: [],
  admin: [],
  foreignAdmin: [],
  businessOwner: ['BUSINESS_OWNER'],
};

/** Signed in to the store the requests address (or, for a platform call, to the platform). */
export function isSignedIn(who: Principal, access?: Access): boolean {
  if (access?.platform) return PLATFORM_ROLES[who].length > 0;
  return who !== 'anonymous' && PRINCIPAL_ROLES[who].length > 0;
}

/**
 * - `public`: everyone, anonymous callers included;
 * - `signedIn`: any signed-in user of the store, acting on their own account;
 * - `owner`: the owner of the resource the path names (see `owner`);
 * - a role: every holder of it (SUPER_ADMIN holds every role).
 */
export type Grant = 'public' | 'signedIn' | 'owner' | Role;

/**
 * Who `owner` is: `customer` for what a user owns (their address, session, cart, wishlist, order,
 * payment), `seller` for what a seller owns (its product, variant, offer, stock, order items; for
 * an order: a seller with an item in it; for a shipment: the seller whose items it carries),
 * `agent` for what is assigned to a delivery agent (a shipment it delivers).
 */
export type Owner = 'customer' | 'seller' | 'agent';

/** The principal that owns the matrix's fixtures of each kind; the others of its kind do not. */
export const OWNING_PRINCIPAL: Record<Owner, Principal> = {
  customer: 'customer',
  seller: 'seller',
  agent: 'deliveryAgent',
};

export interface Access {
  allow: Grant[];
  owner?: Owner[];
  /**
   * The call also serves guests: an anonymous caller with the id of a guest's cart or payment may
   * use it, so an anonymous caller is told 404 (not 401) for a signed-in user's.
   */
  guests?: true;
  /** ADMIN needs the admin permission for this call (SUPER_ADMIN holds every permission). */
  permission?: true;
  /**
   * A call of the platform realm (`/platform/…`): its grants are read against the platform's
   * accounts and roles (PLATFORM_ROLES), never against the store's, whatever the Host.
   */
  platform?: true;
}

const anyone: Access = { allow: ['public'] };
const signedIn: Access = { allow: ['signedIn'] };
const admin: Access = { allow: ['ADMIN'] };
const adminWithPermission: Access = { allow: ['ADMIN'], permission: true };
const sellerOrAdmin: Access = { allow: ['SELLER', 'ADMIN'] };
const ownerOnly: Access = { allow: ['owner'], owner: ['customer'] };
const guestOrOwner: Access = { allow: ['owner'], owner: ['customer'], guests: true };
const owningSellerOrAdmin: Access = { allow: ['owner', 'ADMIN'], owner: ['seller'] };
const payerOrStaff: Access = { allow: ['owner', 'ADMIN'], owner: ['customer'], guests: true };
const orderParty: Access = { allow: ['owner', 'ADMIN'], owner: ['customer', 'seller'] };
const agent: Access = { allow: ['DELIVERY_AGENT'] };
const assignedAgent: Access = { allow: ['owner'], owner: ['agent'] };
const shipmentParty: Access = { allow: ['owner', 'ADMIN'], owner: ['seller', 'agent'] };
const platformAnyone: Access = { allow: ['public'], platform: true };
const platformAccount: Access = { allow: ['signedIn'], platform: true };
/** The business owner, on its tenant and the tenant's own stores (another tenant's store is 404). */
const businessOwner: Access = { allow: ['BUSINESS_OWNER'], platform: true };
const platformSuperAdmin: Access = { allow: ['SUPER_ADMIN'], platform: true };

export const ACCESS_POLICY: Record<string, Access> = {
  'GET /store': anyone,
  'GET /store/policies/{kind}': anyone,
  // lookups: the lists forms offer are public; staff read every value, changing one takes settings:manage
  'GET /lookups/{type}': anyone,
  'GET /admin/lookups': admin,
  'GET /admin/lookups/{type}': admin,
  'PUT /admin/lookups/{type}/{code}': adminWithPermission,
  'DELETE /admin/lookups/{type}/{code}': adminWithPermission,
  // terms: published versions are public, each user's acceptances their own; staff read drafts,
  // writing and publishing take settings:manage
  'GET /terms': anyone,
  'GET /terms/{kind}': anyone,
  'GET /terms/{kind}/versions/{version}': anyone,
  'GET /me/terms': signedIn,
  'POST /me/terms/accept': signedIn,
  'GET /admin/terms': admin,
  'POST /admin/terms/{kind}/drafts': adminWithPermission,
  'GET /admin/terms/versions/{id}': admin,
  'PATCH /admin/terms/versions/{id}': adminWithPermission,
  'POST /admin/terms/versions/{id}/publish': adminWithPermission,

  // sign-up, sign-in and recovery: public, each carries its own secret (password, code, token)
  'POST /auth/register': anyone,
  'POST /auth/login': anyone,
  'POST /auth/refresh': anyone,
  'POST /auth/logout': anyone,
  'POST /auth/logout-all': signedIn,
  'POST /auth/verify-email': anyone,
  'POST /auth/password-reset': anyone,
  'POST /auth/password-reset/confirm': anyone,
  'POST /auth/otp': anyone,
  'POST /auth/otp/verify': anyone,

  // the caller's own account
  'GET /me': signedIn,
  'PATCH /me': signedIn,
  'POST /me/password': signedIn,
  'POST /me/email-verification': signedIn,
  'GET /me/sessions': signedIn,
  'DELETE /me/sessions/{id}': ownerOnly,
  'GET /me/profile': signedIn,
  'PATCH /me/profile/customer': signedIn,
  'POST /me/seller-application': signedIn,
  'PATCH /me/seller-profile': signedIn,
  'GET /me/rewards': signedIn,
  'POST /me/payment-methods/setup': signedIn,
  'POST /me/payment-methods': signedIn,
  'GET /me/payment-methods': signedIn,
  'POST /me/payment-methods/{id}/default': ownerOnly,
  'DELETE /me/payment-methods/{id}': ownerOnly,
  'GET /me/addresses': signedIn,
  'POST /me/addresses': signedIn,
  'GET /me/addresses/{id}': ownerOnly,
  'PATCH /me/addresses/{id}': ownerOnly,
  'DELETE /me/addresses/{id}': ownerOnly,

  // the caller's notifications (another user's is 404) and preferences
  'GET /me/notifications': signedIn,
  'GET /me/notifications/unread-count': signedIn,
  'POST /me/notifications/{id}/read': ownerOnly,
  'POST /me/notifications/read-all': signedIn,
  'GET /me/notification-preferences': signedIn,
  'PUT /me/notification-preferences': signedIn,
  // links in mail: no sign-in, each carries a sealed token
  'GET /notifications/open.gif': anyone,
  'GET /notifications/click': anyone,
  'GET /notifications/unsubscribe': anyone,
  'POST /notifications/unsubscribe': anyone,
  // notification templates and the delivery log: staff; changing a template takes settings:manage
  'GET /admin/notification-templates': admin,
  'GET /admin/notification-templates/{type}/{channel}': admin,
  'PUT /admin/notification-templates/{type}/{channel}': adminWithPermission,
  'POST /admin/notification-templates/{type}/{channel}/preview': admin,
  'POST /admin/notification-templates/{type}/{channel}/revert': adminWithPermission,
  'GET /admin/notifications': admin,
  // web push: the key is public; each caller subscribes and unsubscribes only its own devices
  'GET /push/vapid-public-key': anyone,
  'POST /me/push-subscriptions': signedIn,
  'DELETE /me/push-subscriptions': signedIn,
  // providers' delivery reports: no sign-in, each carries the provider's signature
  'POST /notifications/webhooks/sms': anyone,
  'POST /notifications/webhooks/email': anyone,

  // users, sellers and groups: staff
  'GET /admin/users': admin,
  'GET /admin/users/lookup': admin,
  'GET /admin/users/{id}': admin,
  'PUT /admin/users/{id}/roles': adminWithPermission,
  'POST /admin/users/{id}/deactivate': adminWithPermission,
  'POST /admin/users/{id}/reactivate': adminWithPermission,
  'PUT /admin/users/{id}/group': admin,
  'GET /admin/users/{id}/admin-profile': admin,
  'PUT /admin/users/{id}/admin-profile': { allow: ['SUPER_ADMIN'] },
  'GET /admin/users/{id}/rewards': admin,
  'POST /admin/users/{id}/rewards': adminWithPermission,
  'GET /admin/sellers': admin,
  'GET /admin/sellers/{id}': admin,
  'POST /admin/sellers/{id}/approve': adminWithPermission,
  'POST /admin/sellers/{id}/reject': adminWithPermission,
  'GET /admin/user-groups': admin,
  'POST /admin/user-groups': admin,
  'GET /admin/user-groups/{id}': admin,
  'PATCH /admin/user-groups/{id}': admin,
  'DELETE /admin/user-groups/{id}': admin,

  // the public catalog
  'GET /categories': anyone,
  'GET /categories/{slug}': anyone,
  'GET /products': anyone,
  'GET /products/suggest': anyone,
  'GET /products/{idOrSlug}': anyone,

  // products, variants and offers: sellers their own, staff all
  'POST /admin/products': sellerOrAdmin,
  'GET /admin/products': sellerOrAdmin,
  'POST /admin/products/import': sellerOrAdmin,
  'GET /admin/products/export': sellerOrAdmin,
  'GET /admin/products/{id}': owningSellerOrAdmin,
  'PATCH /admin/products/{id}': owningSellerOrAdmin,
  'DELETE /admin/products/{id}': owningSellerOrAdmin,
  'POST /admin/products/{id}/variants': owningSellerOrAdmin,
  'PATCH /admin/variants/{id}': owningSellerOrAdmin,
  'DELETE /admin/variants/{id}': owningSellerOrAdmin,
  'POST /admin/variants/{id}/offers': sellerOrAdmin,
  'GET /admin/offers': sellerOrAdmin,
  'PATCH /admin/offers/{id}': owningSellerOrAdmin,
  'DELETE /admin/offers/{id}': owningSellerOrAdmin,
  // product images: whoever may edit the product; the stored files are public, by their content hash
  'POST /admin/products/{id}/images': owningSellerOrAdmin,
  'PUT /admin/products/{id}/images/order': owningSellerOrAdmin,
  'PATCH /admin/products/{id}/images/{imageId}': owningSellerOrAdmin,
  'DELETE /admin/products/{id}/images/{imageId}': owningSellerOrAdmin,
  'GET /media/{key}': anyone,

  // categories and their filters: staff
  'GET /admin/categories': admin,
  'POST /admin/categories': admin,
  'POST /admin/categories/reorder': admin,
  'PATCH /admin/categories/{id}': admin,
  'GET /admin/categories/{id}/filters': admin,
  'POST /admin/categories/{id}/filters': admin,
  'DELETE /admin/filters/{id}': admin,

  // warehouses: sellers read, staff change
  'GET /admin/warehouses': sellerOrAdmin,
  'POST /admin/warehouses': admin,
  'GET /admin/warehouses/{warehouseId}': sellerOrAdmin,
  'PATCH /admin/warehouses/{warehouseId}': admin,
  'DELETE /admin/warehouses/{warehouseId}': admin,

  // stock: a seller only of its own offers (another seller's offer is 404), staff all
  'POST /admin/inventory/receipts': owningSellerOrAdmin,
  'POST /admin/inventory/adjustments': owningSellerOrAdmin,
  'POST /admin/inventory/damages': owningSellerOrAdmin,
  'POST /admin/inventory/transfers': owningSellerOrAdmin,
  'PATCH /admin/inventory/offers/{offerId}/warehouses/{warehouseId}': owningSellerOrAdmin,
  'GET /admin/inventory/offers/{offerId}': owningSellerOrAdmin,
  'GET /admin/inventory/offers/{offerId}/movements': owningSellerOrAdmin,
  'GET /admin/inventory/products/{productId}': owningSellerOrAdmin,
  'GET /admin/inventory/sellers/{sellerId}/stock': owningSellerOrAdmin,
  'GET /admin/inventory/low-stock': sellerOrAdmin,
  'GET /admin/inventory/forecasts': sellerOrAdmin,
  'GET /admin/inventory/offers/{offerId}/forecast': owningSellerOrAdmin,
  'GET /admin/inventory/check': admin,
  'POST /admin/inventory/reservations': admin,
  'GET /admin/inventory/reservations/{reservationId}': admin,
  'POST /admin/inventory/reservations/{reservationId}/confirm': admin,
  'POST /admin/inventory/reservations/{reservationId}/release': admin,
  'POST /admin/inventory/reservations/{reservationId}/returns': admin,

  // carts: a user's cart is theirs alone; a guest cart belongs to whoever holds its id
  'POST /carts': anyone,
  'GET /carts/{id}': guestOrOwner,
  'POST /carts/{id}/items': guestOrOwner,
  'PATCH /carts/{id}/items/{itemId}': guestOrOwner,
  'DELETE /carts/{id}/items/{itemId}': guestOrOwner,
  'POST /carts/{id}/accept-prices': guestOrOwner,
  'POST /carts/{id}/merge': signedIn,
  'POST /carts/{id}/checkout': guestOrOwner,

  'GET /me/wishlists': signedIn,
  'POST /me/wishlists': signedIn,
  'PATCH /me/wishlists/{id}': ownerOnly,
  'DELETE /me/wishlists/{id}': ownerOnly,
  'POST /me/wishlists/{id}/items': ownerOnly,
  'DELETE /me/wishlists/{id}/items/{itemId}': ownerOnly,
  'POST /me/wishlists/{id}/items/{itemId}/move-to-cart': ownerOnly,

  // payments: the payer (a guest's payment by its id) or staff; cash is collected by staff
  'GET /payments/{id}': payerOrStaff,
  'POST /payments/{id}/confirm': payerOrStaff,
  'POST /payments/{id}/retry': payerOrStaff,
  'POST /payments/{id}/collect': admin,
  'GET /admin/payments': admin,
  'POST /admin/payments/{id}/refunds': adminWithPermission,
  // a provider's signature, not the caller, authorizes a webhook
  'POST /payments/webhooks/{provider}': anyone,

  'POST /admin/coupons': adminWithPermission,
  'GET /admin/coupons': admin,
  'GET /admin/coupons/{id}': admin,
  'PATCH /admin/coupons/{id}': adminWithPermission,

  // orders: the buyer, the sellers of its items (their part) and staff
  'GET /orders': signedIn,
  'GET /orders/{id}': orderParty,
  'GET /orders/{id}/history': orderParty,
  'GET /orders/{id}/invoice': orderParty,
  'POST /orders/{id}/cancel': { allow: ['owner', 'ADMIN'], owner: ['customer'] },
  'GET /admin/orders': admin,
  'GET /admin/orders/summary': admin,
  'POST /admin/orders/{id}/status': admin,
  'GET /seller/order-items': { allow: ['SELLER'] },
  'PATCH /seller/orders/{id}/items/{itemId}': owningSellerOrAdmin,

  // fulfilment: cash on delivery
  'GET /admin/delivery-agents/{userId}/cash': admin,
  'GET /agent/cash': { allow: ['DELIVERY_AGENT'] },
  'POST /admin/delivery-agents/{userId}/remittances': admin,
  'GET /admin/delivery-agents/{userId}/remittances': admin,
  'GET /admin/cod/reconciliation': admin,
  'GET /admin/cod/reconciliation.csv': admin,

  // the audit trail: staff holding audit:read
  'GET /admin/audit': adminWithPermission,

  // analytics: the store's dashboards
  'GET /admin/analytics/sales': admin,
  'GET /admin/analytics/hours': admin,
  'GET /admin/analytics/top-products': admin,
  'GET /admin/analytics/top-categories': admin,
  'GET /admin/analytics/sellers': admin,
  'GET /admin/analytics/payment-methods': admin,
  'GET /admin/analytics/funnel': admin,
  'GET /admin/analytics/searches': admin,

  // fulfilment: returns — the buyer asks, reads and withdraws; staff decide, receive and refund
  'POST /orders/{id}/returns': ownerOnly,
  'GET /me/returns': signedIn,
  'GET /returns/{id}': { allow: ['owner', 'ADMIN'], owner: ['customer'] },
  'POST /returns/{id}/cancel': { allow: ['owner', 'ADMIN'], owner: ['customer'] },
  'GET /admin/returns': admin,
  'POST /admin/returns/{id}/approve': adminWithPermission,
  'POST /admin/returns/{id}/reject': adminWithPermission,
  'POST /admin/returns/{id}/receive': admin,
  'POST /admin/returns/{id}/refund': adminWithPermission,

  // reviews: buyers write and change their own; anyone reads the published ones; staff with the
  // review permission moderate; the seller a review is about (or staff) replies
  'POST /products/{idOrSlug}/reviews': signedIn,
  'GET /products/{idOrSlug}/reviews': anyone,
  'PATCH /reviews/{id}': ownerOnly,
  'DELETE /reviews/{id}': ownerOnly,
  'GET /me/reviews': signedIn,
  'PUT /reviews/{id}/vote': signedIn,
  'DELETE /reviews/{id}/vote': signedIn,
  'POST /reviews/{id}/reports': signedIn,
  'PUT /reviews/{id}/reply': { allow: ['owner', 'ADMIN'], owner: ['seller'], permission: true },
  'DELETE /reviews/{id}/reply': { allow: ['owner', 'ADMIN'], owner: ['seller'], permission: true },
  'GET /sellers/{sellerId}/reviews': anyone,
  'GET /seller/reviews': { allow: ['SELLER'] },
  'GET /admin/reviews': adminWithPermission,
  'GET /admin/reviews/{id}': adminWithPermission,
  'POST /admin/reviews/{id}/approve': adminWithPermission,
  'POST /admin/reviews/{id}/reject': adminWithPermission,
  'POST /admin/reviews/{id}/hide': adminWithPermission,
  // leads: anyone asks (a guest with a contact); the buyer, staff and the sellers of its items read
  // it and write in its thread; the buyer declines or accepts; staff list, and with quotes:manage act
  'POST /leads': anyone,
  'GET /me/leads': signedIn,
  'GET /leads/{id}': orderParty,
  'POST /leads/{id}/decline': ownerOnly,
  'POST /leads/{id}/accept': ownerOnly,
  'GET /leads/{id}/messages': orderParty,
  'POST /leads/{id}/messages': orderParty,
  'GET /seller/leads': { allow: ['SELLER'] },
  // a seller prices only their own items of a lead (decision 034)
  'POST /seller/leads/{id}/quote': { allow: ['owner'], owner: ['seller'] },
  'GET /admin/leads': admin,
  'POST /admin/leads/{id}/assign': adminWithPermission,
  'POST /admin/leads/{id}/status': adminWithPermission,
  'POST /admin/leads/{id}/quote': adminWithPermission,
  // campaigns: staff with campaigns:manage, for every call (they hold customers' lists)
  'GET /admin/campaigns': adminWithPermission,
  'POST /admin/campaigns': adminWithPermission,
  'GET /admin/campaigns/{id}': adminWithPermission,
  'PATCH /admin/campaigns/{id}': adminWithPermission,
  'POST /admin/campaigns/{id}/target': adminWithPermission,
  'POST /admin/campaigns/{id}/send': adminWithPermission,
  'POST /admin/campaigns/{id}/cancel': adminWithPermission,
  'GET /admin/review-settings': admin,
  'PUT /admin/review-settings': adminWithPermission,

  // fulfilment: shipments, agents, carriers, tracking
  // shipments: staff, and the seller whose items they carry (a seller with none in the order is 404)
  'POST /admin/orders/{id}/shipments': owningSellerOrAdmin,
  'GET /admin/shipments': sellerOrAdmin,
  'GET /admin/shipments/{id}': shipmentParty,
  'GET /admin/shipments/{id}/track': shipmentParty,
  'POST /admin/shipments/{id}/assign': admin,
  'POST /admin/shipments/{id}/events': owningSellerOrAdmin,
  'POST /admin/shipments/{id}/receive-back': admin,
  // deliveries: only the agent a shipment is assigned to (another agent is 404)
  'GET /agent/deliveries': agent,
  'GET /agent/deliveries/{id}': assignedAgent,
  'POST /agent/deliveries/{id}/events': assignedAgent,
  'POST /agent/deliveries/{id}/location': assignedAgent,
  'POST /agent/deliveries/{id}/locations': assignedAgent,
  'GET /agent/profile': agent,
  'PUT /agent/availability': agent,
  'GET /admin/delivery-agents': admin,
  'PUT /admin/delivery-agents/{userId}': admin,
  'GET /admin/carriers': sellerOrAdmin,
  'PUT /admin/carriers/{code}': admin,
  // public tracking: the order number with the buyer's email, or the signed link, is the secret
  'GET /track': anyone,
  'GET /track/{token}': anyone,

  // store settings: staff
  'POST /admin/tax-rules': adminWithPermission,
  'GET /admin/tax-rules': admin,
  'DELETE /admin/tax-rules/{id}': adminWithPermission,
  'POST /admin/shipping-methods': adminWithPermission,
  'GET /shipping-methods': anyone,
  'GET /payment-methods': anyone,
  'GET /admin/store/settings': admin,
  'PATCH /admin/store/settings': adminWithPermission,

  // the platform (decision 014): its own accounts, in their own realm; store tokens are nobody here
  'POST /platform/signup': platformAnyone,
  'POST /platform/auth/login': platformAnyone,
  'POST /platform/auth/refresh': platformAnyone,
  'POST /platform/auth/logout': platformAnyone,
  'POST /platform/auth/password-reset': platformAnyone,
  'POST /platform/auth/password-reset/confirm': platformAnyone,
  'GET /platform/me': platformAccount,
  'GET /platform/tenant': businessOwner,
  'POST /platform/stores': businessOwner,
  'GET /platform/stores': businessOwner,
  'GET /platform/stores/{id}': businessOwner,
  'GET /platform/stores/{id}/history': businessOwner,
  'POST /platform/stores/{id}/publish': businessOwner,
  'POST /platform/stores/{id}/generate': businessOwner,
  // the store's owner (and its staff, who are no matrix principal): a session bound to that store
  'POST /platform/stores/{id}/session': businessOwner,
  'GET /platform/stores/{id}/domain': businessOwner,
  'PUT /platform/stores/{id}/domain': businessOwner,
  'POST /platform/stores/{id}/domain/verify': businessOwner,
  'DELETE /platform/stores/{id}/domain': businessOwner,
  'GET /platform/domains/ask': platformAnyone,
  'GET /platform/stores/{id}/staff': businessOwner,
  'POST /platform/stores/{id}/staff/invitations': businessOwner,
  'DELETE /platform/stores/{id}/staff/invitations/{invitationId}': businessOwner,
  'DELETE /platform/stores/{id}/staff/{accountId}': businessOwner,
  'POST /platform/invitations/accept': platformAccount,
  'POST /platform/invitations/sign-up': platformAnyone,
  'GET /platform/memberships': platformAccount,
  'POST /platform/tenant/subscription': businessOwner,
  'GET /platform/tenants': platformSuperAdmin,
  'POST /platform/tenants/{id}/suspend': platformSuperAdmin,
  'POST /platform/tenants/{id}/restore': platformSuperAdmin,
  'POST /platform/billing/webhooks': platformAnyone,
  'GET /platform/plans': platformAnyone,
  'PUT /platform/plans/{code}': platformSuperAdmin,
};

/** Whether the policy lets `who` call an operation with this access (on the owner's resource). */
export function isAllowed(access: Access, who: Principal): boolean {
  const roles = access.platform ? PLATFORM_ROLES[who] : PRINCIPAL_ROLES[who];
  return access.allow.some((grant) => {
    if (grant === 'public') return true;
    if (!isSignedIn(who, access)) return false;
    if (grant === 'signedIn') return true;
    if (grant === 'owner') return isOwner(access, who);
    return roles.includes(grant) || roles.includes('SUPER_ADMIN');
  });
}

/**
 * The fixtures of the matrix belong to `customer` (user resources), `seller` (seller resources) and
 * `deliveryAgent` (the shipment assigned to it).
 */
export function isOwner(access: Access, who: Principal): boolean {
  return access.allow.includes('owner') && (access.owner ?? []).some((o) => OWNING_PRINCIPAL[o] === who);
}

// ------------------------------------------------------------------ the table in docs/security.md

const COLUMNS: Array<[string, Role | null]> = [
  ['anonymous', null],
  ['customer', 'CUSTOMER'],
  ['seller', 'SELLER'],
  ['delivery agent', 'DELIVERY_AGENT'],
  ['admin', 'ADMIN'],
];

/** One cell: `yes`, `own` (their own resources only), `guest's` (a guest's, by its id) or `—`. */
function cell(access: Access, role: Role | null): string {
  const grants = access.allow;
  if (grants.includes('public')) return 'yes';
  if (role === null) return access.guests ? 'guest’s' : '—';
  if (grants.includes('signedIn')) return 'yes';
  if (grants.includes(role)) return role === 'ADMIN' && access.permission ? 'with permission' : 'yes';
  if (role === 'ADMIN' && grants.includes('SUPER_ADMIN')) return 'SUPER_ADMIN';
  const owners = grants.includes('owner') ? (access.owner ?? []) : [];
  // every signed-in user owns their own account's things; sellers also their catalog and stock;
  // agents the deliveries assigned to them
  if (owners.includes('customer') || (role === 'SELLER' && owners.includes('seller'))) return 'own';
  if (role === 'DELIVERY_AGENT' && owners.includes('agent')) return 'own';
  return '—';
}

/** The cell of a platform call: the store's accounts are nobody in the platform realm. */
function platformCell(access: Access, column: 'anonymous' | 'store' | Role): string {
  const grants = access.allow;
  if (grants.includes('public')) return 'yes';
  if (column === 'anonymous' || column === 'store') return '—';
  // a platform SUPER_ADMIN has no tenant: the business owner's calls are 404 to it
  return grants.includes('signedIn') || grants.includes(column) ? 'yes' : '—';
}

type Table = { header: string[]; rows: string[][] };

function markdown({ header, rows }: Table): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const PLATFORM_COLUMNS: Array<[string, 'anonymous' | 'store' | Role]> = [
  ['anonymous', 'anonymous'],
  ["a store's account", 'store'],
  ['business owner', 'BUSINESS_OWNER'],
  ['super admin', 'SUPER_ADMIN'],
];

/**
 * The markdown tables of docs/security.md, in the order of the policy: the store's calls, then the
 * platform's (whose callers are platform accounts, not the store's).
 */
export function policyTable(policy: Record<string, Access> = ACCESS_POLICY): string {
  const ops = Object.keys(policy);
  const platformOps = ops.filter((op) => policy[op]!.platform);
  const store = markdown({
    header: ['call', ...COLUMNS.map(([name]) => name)],
    rows: ops
      .filter((op) => !policy[op]!.platform)
      .map((op) => [`\`${op}\``, ...COLUMNS.map(([, role]) => cell(policy[op]!, role))]),
  });
  if (platformOps.length === 0) return store;
  const platform = markdown({
    header: ['platform call', ...PLATFORM_COLUMNS.map(([name]) => name)],
    rows: platformOps.map((op) => [
      `\`${op}\``,
      ...PLATFORM_COLUMNS.map(([, column]) => platformCell(policy[op]!, column)),
    ]),
  });
  return `${store}\n\n${platform}`;
}
