import { z } from 'zod';
import { ROLES } from '../../platform/http/context.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import { PASSWORD_MAX_LENGTH } from './identity.passwords.ts';

export const Email = z.string().trim().max(254).email();
export const Password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
export const PersonName = z.string().trim().min(1).max(200);
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9]{6,20}$/, 'Use digits only, optionally starting with +.');
export const RoleSchema = z.enum(ROLES);

export const UserView = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  roles: z.array(RoleSchema),
  status: z.enum(['ACTIVE', 'DEACTIVATED']),
  emailVerified: z.boolean(),
  createdAt: z.string(),
});

export const RegisterBody = z.object({
  email: Email,
  password: Password,
  name: PersonName,
  phone: Phone.optional(),
});
export const LoginBody = z.object({ email: z.string().trim().max(254), password: Password });
export const RefreshBody = z.object({ refreshToken: z.string().min(1).max(200) });

export const SessionView = z.object({ user: UserView, accessToken: z.string(), refreshToken: z.string() });
export const TokensView = z.object({ accessToken: z.string(), refreshToken: z.string() });

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(200).optional(),
  role: RoleSchema.optional(),
  status: z.enum(['ACTIVE', 'DEACTIVATED']).optional(),
});
export const UserList = z.object({ items: z.array(UserView), nextCursor: z.string().nullable() });
