import { BadRequest } from '../../../platform/http/errors.ts';

/** A subdomain or custom hostname that cannot be a store's address, as a field error. */
export class InvalidAddress extends BadRequest {
  constructor(
    code: 'subdomain-invalid' | 'subdomain-reserved' | 'custom-domain-invalid',
    pointer: string,
    detail: string,
  ) {
    super(detail, [{ pointer, in: 'body', detail }], code);
  }
}
