import { type ColumnType, type Generated, type RawBuilder, sql } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import type { Role } from '../../platform/http/context.ts';
import type { SellerStatus } from './identity.schemas.ts';

/**
 * The tables identity owns, as Kysely sees them. Each `*.repository.ts` beside this file holds the
 * SQL of one aggregate; they share these types, `identityDb` and `now`.
 */

/** `updated_at`: set by the database on insert, by `now()` on every update. */
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | RawBuilder<Date> | string>;

export interface UsersTable {
  id: string;
  store_id: string;
  /** Null for an account opened by phone sign-in until it adds an email. */
  email: string | null;
  password_hash: string | null;
  name: string;
  phone: string | null;
  roles: Generated<Role[]>;
  status: Generated<'ACTIVE' | 'DEACTIVATED'>;
  group_id: string | null;
  deactivated_reason: string | null;
  email_verified_at: Date | null;
  /** Set when the phone was confirmed with a sign-in code; the phone is then unique in the store. */
  phone_verified_at: Generated<Date | null>;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: UpdatedAt;
  deleted_at: Date | null;
}

export type TokenType = 'REFRESH' | 'RESET_PASSWORD' | 'EMAIL_VERIFICATION';

export interface UserTokensTable {
  id: string;
  store_id: string;
  user_id: string;
  type: TokenType;
  token_hash: string;
  family_id: string | null;
  user_agent: string | null;
  ip: string | null;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_at: Generated<Date>;
}

export type RevokeReason =
  | 'LOGOUT'
  | 'LOGOUT_ALL'
  | 'REVOKED'
  | 'REUSE_DETECTED'
  | 'PASSWORD_RESET'
  | 'PASSWORD_CHANGED'
  | 'DEACTIVATED';

export interface UserSessionsTable {
  id: string;
  store_id: string;
  user_id: string;
  user_agent: string | null;
  ip: string | null;
  created_at: Generated<Date>;
  last_used_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  revoke_reason: RevokeReason | null;
  /** A platform account's session bound to this store (decision 019); null for any other session. */
  bound_store_id: Generated<string | null>;
}

export interface UserGroupsTable {
  id: string;
  store_id: string;
  name: string;
  seller_discount_bps: number;
  admin_discount_bps: number;
  seller_reward_bps: number;
  admin_reward_bps: number;
  created_at: Generated<Date>;
  updated_at: UpdatedAt;
}

export interface CustomerProfilesTable {
  user_id: string;
  store_id: string;
  loyalty_points: Generated<number>;
  preferred_currency: string | null;
  date_of_birth: string | null;
  updated_at: UpdatedAt;
}

export interface SellerProfilesTable {
  user_id: string;
  store_id: string;
  business_name: string;
  business_type: string | null;
  tax_id: string | null;
  business_address: unknown;
  commission_rate_bps: Generated<number>;
  status: SellerStatus;
  rejection_reason: string | null;
  documents: unknown;
  bank_details_encrypted: string | null;
  applied_at: Generated<Date>;
  decided_at: Date | null;
  decided_by: string | null;
  created_at: Generated<Date>;
  updated_at: UpdatedAt;
}

export interface AdminProfilesTable {
  user_id: string;
  store_id: string;
  permissions: string[];
  department: string | null;
  updated_at: UpdatedAt;
}

export interface UserAddressesTable {
  id: string;
  store_id: string;
  user_id: string;
  label: string | null;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  postal_code: string;
  country: string;
  phone: string | null;
  is_default_shipping: boolean;
  is_default_billing: boolean;
  created_at: Generated<Date>;
  updated_at: UpdatedAt;
}

export type AttemptAction =
  | 'login'
  | 'change-password'
  | 'register'
  | 'password-reset'
  | 'verify-email'
  | 'phone-code'
  | 'phone-code-ip';

export interface AuthAttemptsTable {
  store_id: string;
  action: AttemptAction;
  subject: string;
  count: number;
  window_started_at: Date;
  locked_until: Date | null;
  updated_at: Date;
}

export interface PhoneCodesTable {
  store_id: string;
  phone: string;
  code_hash: string;
  attempts: number;
  sent_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface IdentityTables {
  users: UsersTable;
  user_tokens: UserTokensTable;
  user_sessions: UserSessionsTable;
  user_groups: UserGroupsTable;
  customer_profiles: CustomerProfilesTable;
  seller_profiles: SellerProfilesTable;
  admin_profiles: AdminProfilesTable;
  user_addresses: UserAddressesTable;
  auth_attempts: AuthAttemptsTable;
  phone_codes: PhoneCodesTable;
}

export const identityDb = (db: Db) => tables<IdentityTables>(db);
export const now = () => sql<Date>`now()`;
