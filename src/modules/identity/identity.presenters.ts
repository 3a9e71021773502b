import type { AddressRow } from './identity.addresses.repository.ts';
import type { UserGroupRow } from './identity.groups.repository.ts';
import type {
  AdminProfileRow,
  CustomerProfileRow,
  SellerProfileRow,
} from './identity.profiles.repository.ts';
import type { AddressInput, AddressView, UserGroupView, UserView } from './identity.schemas.ts';
import type { UserRow } from './identity.users.repository.ts';

export function presentUser(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    phone: u.phone,
    phoneVerified: u.phone_verified_at !== null,
    roles: u.roles,
    status: u.status,
    emailVerified: u.email_verified_at !== null,
    groupId: u.group_id,
    createdAt: u.created_at.toISOString(),
  };
}

export function presentAddress(a: AddressRow): AddressView {
  return {
    id: a.id,
    label: a.label,
    name: a.name,
    line1: a.line1,
    line2: a.line2,
    city: a.city,
    state: a.state,
    postalCode: a.postal_code,
    country: a.country,
    phone: a.phone,
    isDefaultShipping: a.is_default_shipping,
    isDefaultBilling: a.is_default_billing,
    createdAt: a.created_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
  };
}

export function presentGroup(g: UserGroupRow): UserGroupView {
  return {
    id: g.id,
    name: g.name,
    sellerDiscountBps: g.seller_discount_bps,
    adminDiscountBps: g.admin_discount_bps,
    sellerRewardBps: g.seller_reward_bps,
    adminRewardBps: g.admin_reward_bps,
    createdAt: g.created_at.toISOString(),
    updatedAt: g.updated_at.toISOString(),
  };
}

export function presentCustomerProfile(p: CustomerProfileRow | undefined) {
  return {
    loyaltyPoints: p?.loyalty_points ?? 0,
    preferredCurrency: p?.preferred_currency ?? null,
    dateOfBirth: p?.date_of_birth ?? null,
  };
}

export function presentAdminProfile(p: AdminProfileRow) {
  return { permissions: p.permissions, department: p.department };
}

/** `bankLast4` comes from the decrypted details: the clear number never leaves the service. */
export function presentSellerProfile(
  p: SellerProfileRow,
  bank: { accountHolder: string; bankName: string; accountNumber: string } | null,
) {
  return {
    userId: p.user_id,
    businessName: p.business_name,
    businessType: p.business_type,
    taxId: p.tax_id,
    businessAddress: (p.business_address as AddressInput | null) ?? null,
    commissionRateBps: p.commission_rate_bps,
    status: p.status,
    rejectionReason: p.rejection_reason,
    documents: p.documents as string[],
    bankDetails: bank
      ? {
          accountHolder: bank.accountHolder,
          bankName: bank.bankName,
          accountNumberLast4: bank.accountNumber.slice(-4),
        }
      : null,
    appliedAt: p.applied_at.toISOString(),
    decidedAt: p.decided_at?.toISOString() ?? null,
  };
}
