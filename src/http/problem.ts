import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, type FieldError } from '../kernel';

/**
 * The single error mapper: every error leaves as application/problem+json with a stable `type`,
 * `title`, `detail` and per-field `errors`. Unknown errors become an opaque 500 that names only
 * the correlation id (the request id, also in the logs).
 */
export const PROBLEMS: Record<ErrorCode, { status: number; title: string }> = {
  invalid_input: { status: 400, title: 'Invalid input' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  invalid_transition: { status: 422, title: 'Transition not allowed' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
};

export function problemType(code: ErrorCode): string {
  return `urn:assay:problem:${code.replace(/_/g, '-')}`;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  reason?: string;
  errors?: FieldError[];
  /** For `invalid_transition`: the states allowed from the current one. */
  allowed?: string[];
  correlation_id: string;
}

function validationErrors(e: FastifyError): FieldError[] {
  const context = (e as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  return (e.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    let path = v.instancePath;
    if (typeof params['missingProperty'] === 'string') path = `${path}/${params['missingProperty']}`;
    if (typeof params['additionalProperty'] === 'string') path = `${path}/${params['additionalProperty']}`;
    return { field: `${context}${path}`, reason: v.message ?? 'is not valid' };
  });
}

/** Turns anything thrown into an AppError; unknown errors become `internal`. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const fe = e as FastifyError;
  if (fe !== null && typeof fe === 'object') {
    if (Array.isArray(fe.validation)) {
      const errors = validationErrors(fe);
      return new AppError('invalid_input', errors.map((x) => `${x.field} ${x.reason}`).join('; ') || 'the request is not valid', { errors });
    }
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return new AppError('payload_too_large', 'the request body is larger than the limit', { reason: 'request.body_too_large' });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return new AppError('invalid_input', 'unsupported content type; send application/json', { reason: 'request.media_type' });
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return new AppError('invalid_input', 'the JSON body is empty', { errors: [{ field: 'body', reason: 'must not be empty' }] });
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return new AppError('invalid_input', 'the body is not valid JSON', { errors: [{ field: 'body', reason: 'is not valid JSON' }] });
    }
    if (fe.statusCode === 400 && /JSON/i.test(fe.message ?? '')) {
      return new AppError('invalid_input', 'the body is not valid JSON', { errors: [{ field: 'body', reason: 'is not valid JSON' }] });
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500 && typeof fe.code === 'string' && fe.code.startsWith('FST_')) {
      return new AppError(fe.statusCode === 404 ? 'not_found' : fe.statusCode === 413 ? 'payload_too_large' : 'invalid_input', fe.message);
    }
  }
  const dbCode = databaseErrorCode(e);
  if (dbCode !== undefined && DATA_ERRORS.has(dbCode)) {
    return new AppError('invalid_input', 'a value in the request cannot be stored (invalid characters or too large)', { reason: 'request.unstorable_value' });
  }
  return new AppError('internal', 'internal error', { cause: e });
}

/** PostgreSQL data exceptions caused by the caller's values, not by us: NUL bytes, encodings, oversize index rows. */
const DATA_ERRORS = new Set(['22021', '22P05', '54000', '22001', '22003']);

function databaseErrorCode(e: unknown): string | undefined {
  for (let cur = e, depth = 0; cur !== null && typeof cur === 'object' && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function problemBody(err: AppError, correlationId: string): ProblemBody {
  const p = PROBLEMS[err.code];
  const body: ProblemBody = {
    type: problemType(err.code),
    title: p.title,
    status: p.status,
    detail: err.code === 'internal' ? `an unexpected error occurred; quote correlation id ${correlationId}` : err.message,
    code: err.code,
    correlation_id: correlationId,
  };
  if (err.reason !== undefined) body.reason = err.reason;
  if (err.errors.length > 0) body.errors = [...err.errors];
  if (err.allowed !== undefined) body.allowed = [...err.allowed];
  return body;
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, e: unknown): FastifyReply {
  const err = toAppError(e);
  if (err.code === 'internal') request.log.error({ err: e }, 'unexpected error');
  if (err.retryAfterSeconds !== undefined) void reply.header('retry-after', String(err.retryAfterSeconds));
  return reply.code(PROBLEMS[err.code].status).type('application/problem+json').send(problemBody(err, request.id));
}
