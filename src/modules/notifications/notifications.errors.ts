import { AppError, NotFound } from '../../platform/http/errors.ts';

/** A template that does not compile or render with its type's sample data (400, refused at save). */
export class TemplateInvalid extends AppError {
  constructor(
    readonly part: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(400, 'template-invalid', 'The template does not render.', `${part}, line ${line}: ${reason}`, {
      errors: [{ pointer: `/${part}`, in: 'body', detail: `line ${line}: ${reason}` }],
      line,
    });
  }
}

export class NotificationNotFound extends NotFound {
  constructor() {
    super('notification');
  }
}

export class TemplateNotFound extends NotFound {
  constructor() {
    super('template');
  }
}

/** The unsubscribe link's token does not open (forged, or for another store). */
export class InvalidLink extends NotFound {
  constructor() {
    super('link');
  }
}
