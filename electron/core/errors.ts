import type { ErrorCode } from '../../shared/contract/result';

/** A refusal the user should read: thrown by services, turned into {ok:false} by the dispatcher. */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new UserError('NOT_FOUND', `${what}不存在或已作废`);
export const invalid = (message: string, fields?: Record<string, string>) => new UserError('VALIDATION', message, fields);
export const conflict = (message: string) => new UserError('CONFLICT', message);
