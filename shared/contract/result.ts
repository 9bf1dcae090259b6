// The result envelope every channel answers with. Main never lets a raw throw cross the boundary.
export type ErrorCode =
  | 'VALIDATION' // input failed the schema or a business rule
  | 'NOT_FOUND'
  | 'CONFLICT' // duplicates, stale state, invalid transition
  | 'FILE' // unreadable, too large, not a workbook
  | 'UNAVAILABLE' // not possible in this shell (e.g. printing in the harness)
  | 'UNAUTHENTICATED' // nobody is signed in (docs/ACCOUNTS.md)
  | 'LOCKED' // signed in, but the window is locked
  | 'FORBIDDEN' // the signed-in user's role may not do this
  | 'INTERNAL';

export interface AppError {
  code: ErrorCode;
  /** 中文, shown to the user as is */
  message: string;
  /** field path → 中文 message, for inline form errors */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
