import {
  AppError,
  BadRequest,
  Conflict,
  Forbidden,
  NotFound,
  Unauthorized,
} from '../../platform/http/errors.ts';

export class EmailTaken extends Conflict {
  constructor() {
    super('An account with this email already exists.', 'email-taken');
  }
}

/** The same answer for an unknown email and a wrong password. */
export class InvalidCredentials extends Unauthorized {
  constructor() {
    super('The email or password is incorrect.', 'invalid-credentials');
  }
}

export class InvalidRefreshToken extends Unauthorized {
  constructor() {
    super('The refresh token is invalid, expired or already used.', 'invalid-refresh-token');
  }
}

export class AccountDeactivated extends AppError {
  constructor() {
    super(401, 'account-deactivated', 'Unauthorized', 'The account is deactivated.');
  }
}

/** A wrong, expired or already used sign-in code (one answer for all three). */
export class InvalidCode extends BadRequest {
  constructor() {
    const detail = 'The code is wrong, expired or already used.';
    super(detail, [{ pointer: '/code', in: 'body', detail }], 'invalid-code');
  }
}

/** Phone sign-in found no account for the phone and the store opens none by phone. */
export class PhoneSignUpClosed extends Forbidden {
  constructor() {
    super('This store does not open accounts by phone; sign up with an email first.', 'phone-sign-up-closed');
  }
}

export class UserNotFound extends NotFound {
  constructor() {
    super('user', 'user-not-found');
  }
}

export class InvalidToken extends BadRequest {
  constructor(what: string) {
    const detail = `The ${what} token is invalid, expired or already used.`;
    super(detail, [{ pointer: '/token', in: 'body', detail }], 'invalid-token');
  }
}

export class SessionNotFound extends NotFound {
  constructor() {
    super('session', 'session-not-found');
  }
}

export class AddressNotFound extends NotFound {
  constructor() {
    super('address', 'address-not-found');
  }
}

export class AddressLabelTaken extends Conflict {
  constructor() {
    super('You already have an address with this label.', 'address-label-taken');
  }
}

export class AddressLimitReached extends Conflict {
  constructor(max: number) {
    super(`An account can keep at most ${max} addresses.`, 'address-limit-reached');
  }
}

export class GroupNotFound extends NotFound {
  constructor() {
    super('user group', 'user-group-not-found');
  }
}

export class GroupNameTaken extends Conflict {
  constructor() {
    super('A user group with this name already exists.', 'user-group-name-taken');
  }
}

export class SellerProfileNotFound extends NotFound {
  constructor() {
    super('seller profile', 'seller-profile-not-found');
  }
}

export class SellerApplicationExists extends Conflict {
  constructor(status: string) {
    super(`A seller application already exists (${status}).`, 'seller-application-exists');
  }
}

export class SellerTransitionRefused extends Conflict {
  constructor(from: string, to: string) {
    super(`A seller application cannot go from ${from} to ${to}.`, 'seller-transition-refused');
  }
}

export class RoleChangeForbidden extends Forbidden {
  constructor(detail: string) {
    super(detail, 'role-change-forbidden');
  }
}

export class SelfLockout extends Conflict {
  constructor(detail: string) {
    super(detail, 'self-lockout');
  }
}

/** Bootstrapping an admin found an account with that email whose password is not the one given. */
export class AdminClaimRefused extends Conflict {
  constructor() {
    super(
      'An account with this email exists and is not an administrator, and the password given is not ' +
        "its own, so it was not made an administrator. Give that account's password, or use another email.",
      'admin-claim-refused',
    );
  }
}
