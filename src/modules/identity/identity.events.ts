/** Events identity writes to the outbox (`jobs.publish`), in the transaction of the change. */
export const IdentityEvents = {
  userRegistered: 'identity.user.registered',
  userRolesChanged: 'identity.user.roles-changed',
  userDeactivated: 'identity.user.deactivated',
  userReactivated: 'identity.user.reactivated',
  userPasswordReset: 'identity.user.password-reset',
  sellerApplied: 'identity.seller.applied',
  sellerApproved: 'identity.seller.approved',
  sellerRejected: 'identity.seller.rejected',
} as const;
