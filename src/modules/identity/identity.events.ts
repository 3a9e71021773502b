/** Events identity writes to the outbox (`jobs.publish`), in the transaction of the change. */
export const IdentityEvents = {
  userRegistered: 'identity.user.registered',
  userRolesChanged: 'identity.user.roles-changed',
  userDeactivated: 'identity.user.deactivated',
  userReactivated: 'identity.user.reactivated',
  userPasswordReset: 'identity.user.password-reset',
  /** A verification code was made: `{ userId, code: { sealed, aad }, hours }` (the code sealed). */
  verificationRequested: 'identity.user.verification-requested',
  /** A reset code was made: `{ userId, code: { sealed, aad }, minutes, page? }` (the code sealed). */
  passwordResetRequested: 'identity.user.password-reset-requested',
  /** The account's email address was confirmed: `{ userId }`. */
  emailVerified: 'identity.user.email-verified',
  /** A phone sign-in code was made: `{ phone, code: { sealed, aad }, minutes }` (the code sealed). */
  signInCodeRequested: 'identity.phone.sign-in-code-requested',
  sellerApplied: 'identity.seller.applied',
  sellerApproved: 'identity.seller.approved',
  sellerRejected: 'identity.seller.rejected',
} as const;
