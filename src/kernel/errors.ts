/**
 * The closed error vocabulary. Services return or throw these; the HTTP layer maps them in one
 * place (src/http/errors.ts) and the CLI prints their message. Anything else is a bug and becomes
 * an opaque 500 with a correlation id.
 */
export type ErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'invalid_input'
  | 'conflict'
  | 'invalid_transition'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unavailable'
  | 'internal';

export interface FieldError {
  /** JSON pointer-ish path of the offending field, e.g. `/items/3/body`. */
  readonly field: string;
  readonly reason: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: readonly FieldError[];
  /** A stable, more specific reason such as `case.transition_not_allowed`. */
  readonly reason: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** For `invalid_transition`: the states that are allowed from the current one. */
  readonly allowed: readonly string[] | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { errors?: readonly FieldError[]; reason?: string; retryAfterSeconds?: number; allowed?: readonly string[]; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.errors = opts.errors ?? [];
    this.reason = opts.reason;
    this.retryAfterSeconds = opts.retryAfterSeconds;
    this.allowed = opts.allowed;
  }
}

export const notFound = (what: string, id?: string): AppError =>
  new AppError('not_found', id === undefined ? `${what} not found` : `${what} ${id} not found`);
export const invalidInput = (message: string, errors: readonly FieldError[] = []): AppError =>
  new AppError('invalid_input', message, { errors });
export const conflict = (message: string, reason?: string): AppError =>
  new AppError('conflict', message, reason === undefined ? {} : { reason });
export const forbidden = (message = 'not allowed'): AppError => new AppError('forbidden', message);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
