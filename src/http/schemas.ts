import { Type, type TSchema } from 'typebox';

/** Shared wire schemas. Strings are bounded so no request can make us hold huge values. */
/** Our ids and the marketplace's: letters, digits and `_ - . :` only. */
export const Id = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' });
export const ShortText = Type.String({ maxLength: 500 });
export const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    reason: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), reason: Type.String() }))),
    allowed: Type.Optional(Type.Array(Type.String(), { description: 'invalid_transition: the states allowed from the current one' })),
    correlation_id: Type.String(),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

/** Standard error responses every route documents. */
export function withErrors<R extends Record<number, TSchema>>(ok: R): R & Record<number, TSchema> {
  const problem = Type.Ref('Problem');
  return { ...ok, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 413: problem, 422: problem, 429: problem, 500: problem };
}

export const CursorQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

export function page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), next_cursor: Type.Union([Type.String(), Type.Null()]) });
}
