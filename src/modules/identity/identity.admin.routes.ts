import type { ZodApp } from '../../platform/http/app.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import {
  AdminProfileView,
  ApproveSellerBody,
  CreateGroupBody,
  DeactivateBody,
  IdParams,
  RejectSellerBody,
  SellerList,
  SellerListQuery,
  SellerProfileView,
  SetGroupBody,
  SetRolesBody,
  UpdateAdminProfileBody,
  UpdateGroupBody,
  UserGroupList,
  UserGroupView,
  UserList,
  UserListQuery,
  UserLookupQuery,
  UserView,
} from './identity.schemas.ts';
import type { IdentityService } from './identity.service.ts';

const bearer = [{ bearer: [] }];

/** Calls for the store's administrators (ADMIN or SUPER_ADMIN; the services check the role). */
export function adminRoutes(app: ZodApp, identity: IdentityService) {
  const users = { tags: ['admin: users'], security: bearer };
  const { admin, groups, profiles } = identity;

  app.get(
    '/admin/users',
    {
      schema: {
        ...users,
        summary: 'Users of this store, newest first; search by email, name or phone',
        querystring: UserListQuery,
        response: { 200: UserList },
      },
    },
    async (req) => admin.list(req.ctx, req.query),
  );
  app.get(
    '/admin/users/lookup',
    {
      schema: {
        ...users,
        summary: 'Find a user by email or by phone',
        querystring: UserLookupQuery,
        response: { 200: UserView },
      },
    },
    async (req) => admin.lookup(req.ctx, req.query),
  );
  app.get(
    '/admin/users/:id',
    { schema: { ...users, summary: 'One user', params: IdParams, response: { 200: UserView } } },
    async (req) => admin.get(req.ctx, req.params.id),
  );
  app.put(
    '/admin/users/:id/roles',
    {
      schema: {
        ...users,
        summary: 'Set the roles (only a SUPER_ADMIN grants or removes SUPER_ADMIN)',
        params: IdParams,
        body: SetRolesBody,
        response: { 200: UserView },
      },
    },
    async (req) => admin.setRoles(req.ctx, req.params.id, req.body.roles),
  );
  app.post(
    '/admin/users/:id/deactivate',
    {
      schema: {
        ...users,
        summary: 'Deactivate; the account is signed out at once',
        params: IdParams,
        body: DeactivateBody.nullish(),
        response: { 200: UserView },
      },
    },
    async (req) => admin.deactivate(req.ctx, req.params.id, req.body?.reason),
  );
  app.post(
    '/admin/users/:id/reactivate',
    { schema: { ...users, summary: 'Reactivate', params: IdParams, response: { 200: UserView } } },
    async (req) => admin.reactivate(req.ctx, req.params.id),
  );
  app.put(
    '/admin/users/:id/group',
    {
      schema: {
        ...users,
        summary: 'Put the user in a group, or in none (null)',
        params: IdParams,
        body: SetGroupBody,
        response: { 200: UserView },
      },
    },
    async (req) => groups.assign(req.ctx, req.params.id, req.body.groupId),
  );
  app.get(
    '/admin/users/:id/admin-profile',
    {
      schema: {
        ...users,
        summary: 'Admin permissions',
        params: IdParams,
        response: { 200: AdminProfileView },
      },
    },
    async (req) => profiles.getAdminProfile(req.ctx, req.params.id),
  );
  app.put(
    '/admin/users/:id/admin-profile',
    {
      schema: {
        ...users,
        summary: 'Set admin permissions (SUPER_ADMIN)',
        params: IdParams,
        body: UpdateAdminProfileBody,
        response: { 200: AdminProfileView },
      },
    },
    async (req) => profiles.setAdminProfile(req.ctx, req.params.id, req.body),
  );

  const sellers = { tags: ['admin: sellers'], security: bearer };
  app.get(
    '/admin/sellers',
    {
      schema: {
        ...sellers,
        summary: 'Seller applications and profiles, by status',
        querystring: SellerListQuery,
        response: { 200: SellerList },
      },
    },
    async (req) => profiles.listSellers(req.ctx, req.query),
  );
  app.get(
    '/admin/sellers/:id',
    {
      schema: {
        ...sellers,
        summary: 'One seller profile',
        params: IdParams,
        response: { 200: SellerProfileView },
      },
    },
    async (req) => profiles.getSeller(req.ctx, req.params.id),
  );
  app.post(
    '/admin/sellers/:id/approve',
    {
      schema: {
        ...sellers,
        summary: 'Approve a pending application and grant SELLER',
        params: IdParams,
        body: ApproveSellerBody.nullish(),
        response: { 200: SellerProfileView },
      },
    },
    async (req) => profiles.approveSeller(req.ctx, req.params.id, req.body ?? {}),
  );
  app.post(
    '/admin/sellers/:id/reject',
    {
      schema: {
        ...sellers,
        summary: 'Reject a pending application with a reason',
        params: IdParams,
        body: RejectSellerBody,
        response: { 200: SellerProfileView },
      },
    },
    async (req) => profiles.rejectSeller(req.ctx, req.params.id, req.body.reason),
  );

  const groupTags = { tags: ['admin: user groups'], security: bearer };
  app.get(
    '/admin/user-groups',
    {
      schema: {
        ...groupTags,
        summary: 'User groups',
        querystring: PageQuery,
        response: { 200: UserGroupList },
      },
    },
    async (req) => groups.list(req.ctx, req.query),
  );
  app.post(
    '/admin/user-groups',
    {
      schema: {
        ...groupTags,
        summary: 'Create a user group',
        body: CreateGroupBody,
        response: { 201: UserGroupView },
      },
    },
    async (req, reply) => reply.code(201).send(await groups.create(req.ctx, req.body)),
  );
  app.get(
    '/admin/user-groups/:id',
    {
      schema: { ...groupTags, summary: 'One user group', params: IdParams, response: { 200: UserGroupView } },
    },
    async (req) => groups.get(req.ctx, req.params.id),
  );
  app.patch(
    '/admin/user-groups/:id',
    {
      schema: {
        ...groupTags,
        summary: 'Change a user group',
        params: IdParams,
        body: UpdateGroupBody,
        response: { 200: UserGroupView },
      },
    },
    async (req) => groups.update(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/admin/user-groups/:id',
    { schema: { ...groupTags, summary: 'Delete a user group; its members keep no group', params: IdParams } },
    async (req, reply) => {
      await groups.remove(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );
}
