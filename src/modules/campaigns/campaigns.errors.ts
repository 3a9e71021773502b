import { BadRequest, Conflict, NotFound } from '../../platform/http/errors.ts';
import type { CampaignStatus } from './campaigns.schemas.ts';

export class CampaignNotFound extends NotFound {
  constructor() {
    super('campaign', 'campaign-not-found');
  }
}

export class CampaignTransitionNotAllowed extends Conflict {
  constructor(from: CampaignStatus, to: CampaignStatus) {
    super(
      `A ${from.toLowerCase()} campaign cannot become ${to.toLowerCase()}.`,
      'campaign-transition-not-allowed',
      {
        from,
        to,
      },
    );
  }
}

export class CampaignNotEditable extends Conflict {
  constructor(status: CampaignStatus) {
    super(`A ${status.toLowerCase()} campaign can no longer be changed.`, 'campaign-not-editable', {
      status,
    });
  }
}

/** A field of a campaign that names something the store does not have, or cannot use. */
export class CampaignInvalid extends BadRequest {
  constructor(pointer: string, detail: string, code = 'campaign-invalid') {
    super(detail, [{ pointer, in: 'body', detail }], code);
  }
}
