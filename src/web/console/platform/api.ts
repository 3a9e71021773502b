import type { paths } from '../../../client/index.ts';
import { sessionApi } from '../api.ts';

/**
 * The platform console's session: a platform account's (business owner, SUPER_ADMIN, invited
 * staff), kept apart from a store console's and renewed in the platform realm.
 */
export const platform = sessionApi('bazaar.platform.session', '/api/v1/platform/auth/refresh');

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

export type PlatformStore = Json<paths['/api/v1/platform/stores/{id}']['get']['responses'][200]>;
export type Tenant = Json<paths['/api/v1/platform/tenant']['get']['responses'][200]>;
export type Plan = Json<paths['/api/v1/platform/plans']['get']['responses'][200]>[number];
export type StoreDomain = Json<paths['/api/v1/platform/stores/{id}/domain']['get']['responses'][200]>;
export type StoreStaff = Json<paths['/api/v1/platform/stores/{id}/staff']['get']['responses'][200]>;
export type TenantSummary = Json<paths['/api/v1/platform/tenants']['get']['responses'][200]>['items'][number];
export type SubscriptionChange = Json<
  paths['/api/v1/platform/tenant/subscription']['post']['responses'][200]
>;
export type Membership = Json<paths['/api/v1/platform/memberships']['get']['responses'][200]>[number];
export type InvitationAccepted = Json<paths['/api/v1/platform/invitations/accept']['post']['responses'][200]>;
export type PlatformAccount = Json<paths['/api/v1/platform/me']['get']['responses'][200]>;

/** The signed-in platform account. */
export function fetchMe() {
  return platform.call(() => platform.client.GET('/api/v1/platform/me'));
}
