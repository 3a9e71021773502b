import { AppError, Conflict, NotFound, Unauthorized } from '../../platform/http/errors.ts';

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

export class UserNotFound extends NotFound {
  constructor() {
    super('user', 'user-not-found');
  }
}
