// The domain's errors, which route handlers turn into answers (app/_server/http.ts): a role that
// may not do something (403), input to correct (400, with a message per field), something that
// does not exist (404), and a change made from an out-of-date copy (409).

export class ForbiddenError extends Error {
  readonly status = 403;
  /** `action` in the words of lib/auth/roles.ts ("edit_figures"); `message` to say more than that. */
  constructor(action: string, message?: string) {
    super(message ?? `Your role does not allow this (${action.replace(/_/g, ' ')}).`);
    this.name = 'ForbiddenError';
  }
}

export class InputError extends Error {
  readonly status = 400;
  constructor(public readonly fields: Record<string, string>) {
    super(Object.values(fields)[0] ?? 'Check the form');
    this.name = 'InputError';
  }
}

export class NotFoundError extends Error {
  readonly status = 404;
}

/**
 * A change made from an out-of-date copy: someone changed the record since it was read. Nothing
 * was saved; `changes` says what is different now, in words, so the person can check and reapply.
 */
export class ConflictError extends Error {
  readonly status = 409;
  constructor(
    message: string,
    public readonly current: { version: number; changes: string[] },
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}
