import { useQuery } from '@tanstack/react-query';
import { bazaar, call } from './api.ts';

/** An admin permission the API checks (docs/security.md lists the calls each opens). */
export type Permission =
  | 'orders:refund'
  | 'rewards:adjust'
  | 'users:roles'
  | 'settings:manage'
  | 'sellers:approve'
  | 'coupons:manage'
  | 'reviews:moderate'
  | 'quotes:manage'
  | 'audit:read'
  | 'campaigns:manage';

/**
 * Whether the signed-in admin holds `permission` (a SUPER_ADMIN holds every one): the pages show
 * a control only to those who may use it. False while it is being found out.
 */
export function useCan(permission: Permission): boolean {
  const me = useQuery({ queryKey: ['/me'], queryFn: () => call(() => bazaar.GET('/api/v1/me')) });
  const id = me.data?.id;
  const superAdmin = me.data?.roles.includes('SUPER_ADMIN') ?? false;
  const profile = useQuery({
    queryKey: ['/admin/users', id, 'admin-profile'],
    enabled: Boolean(id) && !superAdmin,
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/admin/users/{id}/admin-profile', { params: { path: { id: id! } } })),
  });
  return superAdmin || (profile.data?.permissions.includes(permission) ?? false);
}
