import { z } from 'zod';
import { PERMISSIONS, ROLES, STORE_ROLES } from '../../platform/http/context.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import { PostalAddress, Text } from '../../platform/schemas.ts';
import { COUNTRY_CODES } from './identity.countries.ts';
import { PASSWORD_MAX_LENGTH } from './identity.passwords.ts';

export const Email = z.string().trim().max(254).email();
export const Password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
export const PersonName = z.string().trim().min(1).max(200);
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9]{6,20}$/, 'Use digits only, optionally starting with +.');
export const RoleSchema = z.enum(ROLES);
export const UserStatus = z.enum(['ACTIVE', 'DEACTIVATED']);
/** Ids in paths are plain strings: an id of any other format is simply not found (404), never 400. */
export { IdParams } from '../../platform/schemas.ts';

/** Basis points: 1 bp = 0.01 %, so 10000 is 100 %. */
const Bps = z.number().int().min(0).max(10_000);

/** The position in an id-ordered list that a cursor encodes. */
export { IdCursor } from '../../platform/http/pagination.ts';

const OpaqueToken = z.string().trim().min(1).max(200);

export const UserView = z.object({
  id: z.string().uuid(),
  /** Null for an account opened by phone sign-in. */
  email: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  /** The phone was confirmed with a code (phone sign-in reaches the account by it). */
  phoneVerified: z.boolean(),
  roles: z.array(RoleSchema),
  status: UserStatus,
  emailVerified: z.boolean(),
  groupId: z.string().uuid().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserView>;

// --- auth ---------------------------------------------------------------------------------------

/** Terms the person accepts on signing up: each kind with the version read (GET /terms). */
export const AcceptedTermsInput = z
  .array(
    z.strictObject({
      kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'A kind of terms, such as terms-of-sale.'),
      version: z.number().int().min(1).max(1_000_000),
    }),
  )
  .max(20);
export const RegisterBody = z.object({
  email: Email,
  password: Password,
  name: PersonName,
  phone: Phone.optional(),
  /** Needed when the store asks buyers to accept its terms (409 `terms-acceptance-required` names them). */
  acceptedTerms: AcceptedTermsInput.optional(),
});
export const LoginBody = z.object({ email: z.string().trim().max(254), password: Password });
export const RefreshBody = z.object({ refreshToken: OpaqueToken });
export const SessionView = z.object({ user: UserView, accessToken: z.string(), refreshToken: z.string() });
export const TokensView = z.object({ accessToken: z.string(), refreshToken: z.string() });
export const VerifyEmailBody = z.object({ token: OpaqueToken });
export const PasswordResetRequestBody = z.object({ email: Email });
export const PasswordResetConfirmBody = z.object({ token: OpaqueToken, password: Password });
export const ChangePasswordBody = z.object({ currentPassword: Password, newPassword: Password });
export const Accepted = z.object({ status: z.literal('accepted'), detail: z.string() });

/** A phone in E.164: +, the country code, then the number (at most 15 digits in all). */
export const E164 = z
  .string()
  .trim()
  .regex(/^\+[1-9][0-9]{6,14}$/, 'A phone number in E.164 form, e.g. +919812345678.');
export const OtpRequestBody = z.object({ phone: E164 });
export const OtpVerifyBody = z.object({
  phone: E164,
  code: z.string().regex(/^[0-9]{6}$/, 'The six digits of the code.'),
  /** The name of an account opened by this sign-in (else the phone stands for it). */
  name: PersonName.optional(),
});
export const OtpAccepted = Accepted.extend({
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});

export const UserSessionView = z.object({
  id: z.string().uuid(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});
export const UserSessionList = z.object({
  items: z.array(UserSessionView),
  nextCursor: z.string().nullable(),
});

export const UpdateMeBody = z
  .object({ name: PersonName.optional(), phone: Phone.nullable().optional() })
  .strict();

// --- addresses ----------------------------------------------------------------------------------

const CountryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'Use an ISO 3166-1 alpha-2 code such as IN or US.')
  .transform((c) => c.toUpperCase())
  .refine((c) => COUNTRY_CODES.has(c), 'Not an ISO 3166-1 alpha-2 country code.');

/** A postal address; checkout takes the same shape for shipping and billing. */
export const AddressInput = z.object({
  name: Text(200),
  line1: Text(200),
  line2: z.string().trim().max(200).optional(),
  city: Text(100),
  state: Text(100),
  postalCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{0,18}[A-Za-z0-9]?$/, 'Letters, digits, spaces and hyphens only.'),
  country: CountryCode,
  phone: Phone.optional(),
});
export type AddressInput = z.output<typeof AddressInput>;

export const CreateAddressBody = AddressInput.extend({
  label: Text(50).optional(),
  isDefaultShipping: z.boolean().optional(),
  isDefaultBilling: z.boolean().optional(),
});
export type CreateAddressBody = z.output<typeof CreateAddressBody>;
export const UpdateAddressBody = z
  .object({
    label: Text(50).nullable(),
    name: Text(200),
    line1: Text(200),
    line2: z.string().trim().max(200).nullable(),
    city: Text(100),
    state: Text(100),
    postalCode: AddressInput.shape.postalCode,
    country: CountryCode,
    phone: Phone.nullable(),
    isDefaultShipping: z.boolean(),
    isDefaultBilling: z.boolean(),
  })
  .partial()
  .strict();

export const AddressView = z.object({
  id: z.string().uuid(),
  label: z.string().nullable(),
  name: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().nullable(),
  isDefaultShipping: z.boolean(),
  isDefaultBilling: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AddressView = z.infer<typeof AddressView>;
export const AddressList = z.object({ items: z.array(AddressView), nextCursor: z.string().nullable() });

// --- profiles -----------------------------------------------------------------------------------

export const CustomerProfileView = z.object({
  loyaltyPoints: z.number().int(),
  preferredCurrency: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
});
export const UpdateCustomerProfileBody = z
  .object({
    preferredCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as INR.')
      .nullable(),
    dateOfBirth: z.iso
      .date()
      .refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), 'Not a plausible date.')
      .nullable(),
  })
  .partial()
  .strict();

export const SellerStatus = z.enum(['PENDING', 'APPROVED', 'REJECTED']);
export type SellerStatus = z.infer<typeof SellerStatus>;
export const BankDetailsInput = z.object({
  accountHolder: Text(200),
  accountNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{4,34}$/, 'Letters and digits only (4 to 34).'),
  bankName: Text(200),
  /** IFSC, sort code, routing number, BIC… whatever the bank's country uses. */
  routingCode: z.string().trim().max(34).optional(),
});
export type BankDetailsInput = z.infer<typeof BankDetailsInput>;

/** Links an admin will open: https only (javascript:, data: and file: links would run or read locally). */
const HttpsUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => URL.canParse(v) && new URL(v).protocol === 'https:', 'Use an https:// link.');

const SellerFields = {
  businessName: Text(200),
  businessType: Text(50).optional(),
  taxId: Text(50).optional(),
  businessAddress: AddressInput.optional(),
  bankDetails: BankDetailsInput.optional(),
  documents: z.array(HttpsUrl).max(20).optional(),
};
export const SellerApplicationBody = z
  .object({
    ...SellerFields,
    /** Needed when the store asks sellers to accept its seller agreement (409 `terms-acceptance-required`). */
    acceptedTerms: AcceptedTermsInput.optional(),
  })
  .strict();
export type SellerApplicationBody = z.output<typeof SellerApplicationBody>;
export const UpdateSellerProfileBody = z.object(SellerFields).partial().strict();

export const SellerProfileView = z.object({
  userId: z.string().uuid(),
  businessName: z.string(),
  businessType: z.string().nullable(),
  taxId: z.string().nullable(),
  businessAddress: PostalAddress.nullable(),
  commissionRateBps: z.number().int(),
  status: SellerStatus,
  rejectionReason: z.string().nullable(),
  documents: z.array(z.string()),
  /** Never the full number: the last four characters only. */
  bankDetails: z
    .object({ accountHolder: z.string(), bankName: z.string(), accountNumberLast4: z.string() })
    .nullable(),
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export const SellerList = z.object({ items: z.array(SellerProfileView), nextCursor: z.string().nullable() });
export const SellerListQuery = PageQuery.extend({ status: SellerStatus.optional() });
export const ApproveSellerBody = z.object({ commissionRateBps: Bps.optional() }).strict();
export const RejectSellerBody = z.object({ reason: Text(1000) }).strict();

/** Only the permissions the code checks (docs/security.md lists the calls each opens). */
export const Permission = z.enum(PERMISSIONS);
export const AdminProfileView = z.object({
  permissions: z.array(z.string()),
  department: z.string().nullable(),
});
export const UpdateAdminProfileBody = z
  .object({ permissions: z.array(Permission).max(PERMISSIONS.length * 2), department: Text(100).nullable() })
  .partial()
  .strict();

export const ProfileView = z.object({
  customer: CustomerProfileView,
  seller: SellerProfileView.nullable(),
  admin: AdminProfileView.nullable(),
});

// --- admin: users and groups --------------------------------------------------------------------

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(200).optional(),
  role: RoleSchema.optional(),
  status: UserStatus.optional(),
  group: z.string().uuid().optional(),
});
export type UserListQuery = z.output<typeof UserListQuery>;
export const UserList = z.object({ items: z.array(UserView), nextCursor: z.string().nullable() });
export const UserLookupQuery = z
  .object({ email: z.string().trim().min(1).max(254).optional(), phone: Phone.optional() })
  .refine((q) => (q.email === undefined) !== (q.phone === undefined), 'Give either email or phone.');
export const SetRolesBody = z
  .object({ roles: z.array(z.enum(STORE_ROLES)).min(1).max(STORE_ROLES.length) })
  .strict();
export const DeactivateBody = z.object({ reason: Text(500).optional() }).strict();
export const SetGroupBody = z.object({ groupId: z.string().uuid().nullable() }).strict();

const GroupFields = {
  name: Text(100),
  sellerDiscountBps: Bps.default(0),
  adminDiscountBps: Bps.default(0),
  sellerRewardBps: Bps.default(0),
  adminRewardBps: Bps.default(0),
};
export const CreateGroupBody = z.object(GroupFields).strict();
export type CreateGroupBody = z.output<typeof CreateGroupBody>;
export const UpdateGroupBody = z
  .object({
    name: GroupFields.name,
    sellerDiscountBps: Bps,
    adminDiscountBps: Bps,
    sellerRewardBps: Bps,
    adminRewardBps: Bps,
  })
  .partial()
  .strict();
export const UserGroupView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  sellerDiscountBps: z.number().int(),
  adminDiscountBps: z.number().int(),
  sellerRewardBps: z.number().int(),
  adminRewardBps: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserGroupView = z.infer<typeof UserGroupView>;
export const UserGroupList = z.object({ items: z.array(UserGroupView), nextCursor: z.string().nullable() });
