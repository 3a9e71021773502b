import { AppError, NotFound } from '../../platform/http/errors.ts';

export class StoreNotFound extends NotFound {
  constructor() {
    super('store', 'store-not-found');
  }
}

export class StoreSuspended extends AppError {
  constructor() {
    super(403, 'store-suspended', 'Store suspended', 'This store is suspended.');
  }
}
