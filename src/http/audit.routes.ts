import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AuditService } from '../audit';
import { withErrors } from './schemas';

const Report = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer(),
  head: Type.Union([Type.Object({ seq: Type.Integer(), hash: Type.String() }), Type.Null()]),
  checkpoint: Type.Union([Type.Object({ seq: Type.Integer(), hash: Type.String(), at: Type.String() }), Type.Null()]),
  problem: Type.Union([Type.Object({ kind: Type.String(), seq: Type.Integer(), id: Type.Optional(Type.String()), detail: Type.String() }), Type.Null()]),
});

export function auditRoutes(audit: AuditService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    r.get(
      '/v1/audit',
      {
        config: { access: ['admin', 'manager'] },
        schema: {
          tags: ['audit'],
          summary: 'Read the audit trail (ids, hashes and field names; no personal data)',
          querystring: Type.Object({
            subject_type: Type.Optional(Type.String({ maxLength: 64 })),
            subject_id: Type.Optional(Type.String({ maxLength: 128 })),
            after_seq: Type.Optional(Type.Integer({ minimum: 0 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          }),
          response: withErrors({
            200: Type.Object({
              items: Type.Array(Type.Object({ seq: Type.Integer(), id: Type.String(), at: Type.String(), actor_type: Type.String(), actor_id: Type.String(), action: Type.String(), subject_type: Type.String(), subject_id: Type.String(), fields: Type.Array(Type.String()), hash: Type.String() })),
              next_after_seq: Type.Union([Type.Integer(), Type.Null()]),
            }),
          }),
        },
      },
      async (request) => {
        const q = request.query;
        const limit = q.limit ?? 100;
        const items = await audit.list({ subjectType: q.subject_type, subjectId: q.subject_id, afterSeq: q.after_seq, limit });
        return {
          items: items.map((e) => ({ seq: e.seq, id: e.id, at: e.at.toISOString(), actor_type: e.actorType, actor_id: e.actorId, action: e.action, subject_type: e.subjectType, subject_id: e.subjectId, fields: [...e.fields], hash: e.hash })),
          next_after_seq: items.length === limit ? items[items.length - 1]!.seq : null,
        };
      },
    );
    r.post(
      '/v1/audit/verify',
      { config: { access: ['admin'] }, schema: { tags: ['audit'], summary: 'Recompute the hash chain and compare it with the last checkpoint', response: withErrors({ 200: Report }) } },
      async () => {
        const rep = await audit.verify();
        return { ok: rep.ok, entries: rep.entries, head: rep.head ?? null, checkpoint: rep.checkpoint ?? null, problem: rep.problem ?? null };
      },
    );
    r.post(
      '/v1/audit/checkpoints',
      { config: { access: ['admin'] }, schema: { tags: ['audit'], summary: 'Write the head of the chain to the checkpoint file', response: withErrors({ 201: Type.Object({ seq: Type.Integer(), hash: Type.String(), at: Type.String() }) }) } },
      async (_request, reply) => reply.code(201).send(await audit.checkpoint()),
    );
  };
}
