import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { PRIORITIES, type Case, type CaseDetail, type CaseNote, type CaseService, type CaseTypeDefinition, type EvidenceInfo, type QueueSummary } from '../cases';
import { invalidInput } from '../kernel';
import type { Role } from '../identity';
import { principalOf } from './auth.plugin';
import { ALL_STAFF } from './context';
import { CursorQuery, Id, page, withErrors } from './schemas';

/** Staff see every case; vendor reviewers the cases in queues granted to their organisation. */
const READERS: readonly Role[] = [...ALL_STAFF, 'vendor'];
const QUEUE_MANAGERS: readonly Role[] = ['admin', 'manager'];

const Priority = Type.Union(PRIORITIES.map((p) => Type.Literal(p)));
const Name = Type.String({ minLength: 1, maxLength: 64 });
const QueueName = Type.String({ minLength: 1, maxLength: 63, pattern: '^[a-z0-9][a-z0-9_.-]*$' });
const SubjectId = Type.String({ minLength: 1, maxLength: 128 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Actor = Type.Object({ type: Type.String(), id: Type.String() });

const SubjectsDto = Type.Object({
  seller_id: Nullable(Type.String()),
  buyer_id: Nullable(Type.String()),
  listing_id: Nullable(Type.String()),
  order_id: Nullable(Type.String()),
  conversation_id: Nullable(Type.String()),
  message_id: Nullable(Type.String()),
});
const caseFields = {
  id: Type.String(),
  type: Type.String(),
  status: Type.String(),
  closed: Type.Boolean(),
  priority: Type.String(),
  queue: Type.String(),
  assignee_id: Nullable(Type.String()),
  subjects: SubjectsDto,
  title: Type.String(),
  jurisdiction: Type.String(),
  sla_due_at: Type.String(),
  first_response_due_at: Type.String(),
  first_response_at: Nullable(Type.String()),
  opened_at: Type.String(),
  closed_at: Nullable(Type.String()),
  updated_at: Type.String(),
  version: Type.Integer(),
};
const CaseDto = Type.Object(caseFields);
const NoteDto = Type.Object({ id: Type.String(), author: Actor, body: Type.String(), at: Type.String() });
const EvidenceDto = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  content_type: Type.String(),
  size_bytes: Type.Integer(),
  sha256: Type.String(),
  added_by: Actor,
  at: Type.String(),
});
const TimelineDto = Type.Object({ id: Type.String(), at: Type.String(), actor: Actor, kind: Type.String(), data: Type.Record(Type.String(), Type.Unknown()) });
const CaseDetailDto = Type.Object({
  ...caseFields,
  next_states: Type.Array(Type.String(), { description: 'statuses the type allows next; guards are checked when one is asked for' }),
  timeline: Type.Array(TimelineDto),
  notes: Type.Array(NoteDto),
  evidence: Type.Array(EvidenceDto),
});
const SlaDto = Type.Object({ first_response_hours: Type.Number(), resolution_hours: Type.Number() });
const CaseTypeDto = Type.Object({
  type: Type.String(),
  title: Type.String(),
  initial: Type.String(),
  statuses: Type.Array(Type.Object({ name: Type.String(), closed: Type.Boolean(), next: Type.Array(Type.String()) })),
  default_queue: Type.String(),
  default_priority: Type.String(),
  sla_business_hours: Type.Record(Type.String(), SlaDto),
  managed_by: Nullable(Type.String({ description: 'the API that moves cases of this type (the generic transition route refuses them), or null' })),
});
const QueueDto = Type.Object({
  queue: Type.String(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  unassigned: Type.Integer(),
  oldest_open_at: Nullable(Type.String()),
  oldest_open_age_seconds: Nullable(Type.Integer()),
  vendor_org_ids: Type.Array(Type.String()),
});
const VersionField = Type.Optional(Type.Integer({ minimum: 1, description: 'refuse with 409 unless the case is still at this version' }));

export function caseToDto(c: Case, closed: boolean) {
  const s = c.subjects;
  return {
    id: c.id,
    type: c.type,
    status: c.status,
    closed,
    priority: c.priority,
    queue: c.queue,
    assignee_id: c.assigneeId ?? null,
    subjects: {
      seller_id: s.sellerId ?? null,
      buyer_id: s.buyerId ?? null,
      listing_id: s.listingId ?? null,
      order_id: s.orderId ?? null,
      conversation_id: s.conversationId ?? null,
      message_id: s.messageId ?? null,
    },
    title: c.title,
    jurisdiction: c.jurisdiction,
    sla_due_at: c.slaDueAt.toISOString(),
    first_response_due_at: c.firstResponseDueAt.toISOString(),
    first_response_at: c.firstResponseAt?.toISOString() ?? null,
    opened_at: c.openedAt.toISOString(),
    closed_at: c.closedAt?.toISOString() ?? null,
    updated_at: c.updatedAt.toISOString(),
    version: c.version,
  };
}

function noteToDto(n: CaseNote) {
  return { id: n.id, author: { type: n.author.type, id: n.author.id }, body: n.body, at: n.at.toISOString() };
}

function evidenceToDto(e: EvidenceInfo) {
  return {
    id: e.id,
    filename: e.filename,
    content_type: e.contentType,
    size_bytes: e.sizeBytes,
    sha256: e.sha256,
    added_by: { type: e.addedBy.type, id: e.addedBy.id },
    at: e.at.toISOString(),
  };
}

function detailToDto(d: CaseDetail) {
  return {
    ...caseToDto(d.case, d.closed),
    next_states: [...d.nextStates],
    timeline: d.timeline.map((t) => ({ id: t.id, at: t.at.toISOString(), actor: { type: t.actor.type, id: t.actor.id }, kind: t.kind, data: t.data })),
    notes: d.notes.map(noteToDto),
    evidence: d.evidence.map(evidenceToDto),
  };
}

function caseTypeToDto(def: CaseTypeDefinition) {
  return {
    type: def.type,
    title: def.title,
    initial: def.machine.initial,
    statuses: Object.keys(def.machine.transitions).map((name) => ({ name, closed: def.closedStatuses.includes(name), next: [...(def.machine.transitions[name] ?? [])] })),
    default_queue: def.defaultQueue,
    default_priority: def.defaultPriority,
    managed_by: def.managedBy ?? null,
    sla_business_hours: Object.fromEntries(
      PRIORITIES.map((p) => [p, { first_response_hours: def.sla[p].firstResponseHours, resolution_hours: def.sla[p].resolutionHours }]),
    ),
  };
}

function queueToDto(q: QueueSummary) {
  return {
    queue: q.queue,
    open: q.open,
    overdue: q.overdue,
    unassigned: q.unassigned,
    oldest_open_at: q.oldestOpenAt?.toISOString() ?? null,
    oldest_open_age_seconds: q.oldestOpenAgeSeconds ?? null,
    vendor_org_ids: [...q.vendorOrgIds],
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** `filename*` per RFC 8187, with a plain ASCII fallback. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export interface CasesRoutesOptions {
  /** Largest evidence file, in bytes; the evidence route's body limit is derived from it. */
  readonly evidenceMaxBytes: number;
}

/**
 * The case engine's API. Evidence is uploaded as JSON `{filename, content_type, content_base64}`
 * (the route accepts a body large enough for `EVIDENCE_MAX_BYTES` once base64-encoded; a larger file
 * is refused with 413 `payload_too_large`), and downloaded as the raw bytes with its content type,
 * `x-content-sha256` and `repr-digest` headers.
 */
export function casesRoutes(cases: CaseService, opts: CasesRoutesOptions) {
  const evidenceBodyLimit = 4 * Math.ceil(opts.evidenceMaxBytes / 3) + 64 * 1024;
  const isClosed = (c: Case) => cases.caseTypes().find((t) => t.type === c.type)?.closedStatuses.includes(c.status) ?? false;

  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/v1/case-types',
      {
        config: { access: READERS },
        schema: {
          tags: ['cases'],
          summary: 'Registered case types with their state machines (statuses, next states, closed statuses) and SLAs',
          response: withErrors({ 200: Type.Object({ items: Type.Array(CaseTypeDto) }) }),
        },
      },
      async () => ({ items: cases.caseTypes().map(caseTypeToDto) }),
    );

    r.get(
      '/v1/queues',
      {
        config: { access: READERS },
        schema: {
          tags: ['cases'],
          summary: 'Queues the caller can see, with open, overdue and unassigned counts and the oldest open case',
          response: withErrors({ 200: Type.Object({ items: Type.Array(QueueDto) }) }),
        },
      },
      async (request) => ({ items: (await cases.listQueues(principalOf(request))).map(queueToDto) }),
    );

    r.post(
      '/v1/queues/:queue/grants',
      {
        config: { access: QUEUE_MANAGERS },
        schema: {
          tags: ['cases'],
          summary: "Grant a queue to a vendor organisation (its reviewers then see the queue's cases)",
          params: Type.Object({ queue: QueueName }),
          body: Type.Object({ vendor_org_id: Id }),
          response: withErrors({ 200: Type.Object({ queue: Type.String(), vendor_org_id: Type.String(), created: Type.Boolean() }), 201: Type.Object({ queue: Type.String(), vendor_org_id: Type.String(), created: Type.Boolean() }) }),
        },
      },
      async (request, reply) => {
        const { created } = await cases.grantQueue(principalOf(request), request.params.queue, request.body.vendor_org_id);
        return reply.code(created ? 201 : 200).send({ queue: request.params.queue, vendor_org_id: request.body.vendor_org_id, created });
      },
    );

    r.delete(
      '/v1/queues/:queue/grants/:vendorOrgId',
      {
        config: { access: QUEUE_MANAGERS },
        schema: { tags: ['cases'], summary: "Withdraw a vendor organisation's access to a queue", params: Type.Object({ queue: QueueName, vendorOrgId: Id }), response: withErrors({ 204: Type.Null() }) },
      },
      async (request, reply) => {
        await cases.revokeQueueGrant(principalOf(request), request.params.queue, request.params.vendorOrgId);
        return reply.code(204).send(null);
      },
    );

    r.get(
      '/v1/cases',
      {
        config: { access: READERS },
        schema: {
          tags: ['cases'],
          summary: 'List cases with filters and sorting; cursor pagination (pass next_cursor back with the same sort)',
          querystring: Type.Object({
            ...CursorQuery.properties,
            type: Type.Optional(Name),
            status: Type.Optional(Type.Array(Name, { maxItems: 20, description: 'repeat for several statuses' })),
            queue: Type.Optional(Type.String({ minLength: 1, maxLength: 63 })),
            priority: Type.Optional(Priority),
            assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'a user id, or `none` for unassigned' })),
            seller_id: Type.Optional(SubjectId),
            buyer_id: Type.Optional(SubjectId),
            listing_id: Type.Optional(SubjectId),
            order_id: Type.Optional(SubjectId),
            conversation_id: Type.Optional(SubjectId),
            message_id: Type.Optional(SubjectId),
            open_only: Type.Optional(Type.Boolean()),
            overdue_only: Type.Optional(Type.Boolean()),
            sort: Type.Optional(Type.Union([Type.Literal('opened_at'), Type.Literal('sla_due_at'), Type.Literal('priority')], { default: 'opened_at' })),
            dir: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'desc' })),
          }),
          response: withErrors({ 200: page(CaseDto) }),
        },
      },
      async (request) => {
        const q = request.query;
        const res = await cases.listCases(principalOf(request), {
          filters: {
            type: q.type,
            status: q.status,
            queue: q.queue,
            priority: q.priority,
            assignee: q.assignee,
            sellerId: q.seller_id,
            buyerId: q.buyer_id,
            listingId: q.listing_id,
            orderId: q.order_id,
            conversationId: q.conversation_id,
            messageId: q.message_id,
            openOnly: q.open_only,
            overdueOnly: q.overdue_only,
          },
          sort: { by: q.sort ?? 'opened_at', dir: q.dir ?? 'desc' },
          cursor: q.cursor,
          limit: q.limit ?? 50,
        });
        return { items: res.items.map((c) => caseToDto(c, isClosed(c))), next_cursor: res.nextCursor ?? null };
      },
    );

    r.post(
      '/v1/cases',
      {
        config: { access: ALL_STAFF },
        schema: {
          tags: ['cases'],
          summary: 'Open a case; with an Idempotency-Key header a repeat returns the first case (200)',
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
          body: Type.Object({
            type: Name,
            title: Type.String({ minLength: 1, maxLength: 300 }),
            priority: Type.Optional(Priority),
            queue: Type.Optional(QueueName),
            assignee_id: Type.Optional(Id),
            jurisdiction: Type.Optional(Type.String({ minLength: 2, maxLength: 6, description: 'business calendar, e.g. GB, FR, US-NY' })),
            note: Type.Optional(Type.String({ maxLength: 20_000 })),
            subjects: Type.Optional(
              Type.Object({
                seller_id: Type.Optional(SubjectId),
                buyer_id: Type.Optional(SubjectId),
                listing_id: Type.Optional(SubjectId),
                order_id: Type.Optional(SubjectId),
                conversation_id: Type.Optional(SubjectId),
                message_id: Type.Optional(SubjectId),
              }),
            ),
          }),
          response: withErrors({ 200: CaseDetailDto, 201: CaseDetailDto }),
        },
      },
      async (request, reply) => {
        const b = request.body;
        const s = b.subjects ?? {};
        const { created, detail } = await cases.openCase(principalOf(request), {
          type: b.type,
          title: b.title,
          priority: b.priority,
          queue: b.queue,
          assigneeId: b.assignee_id,
          jurisdiction: b.jurisdiction,
          note: b.note,
          idempotencyKey: request.headers['idempotency-key'],
          subjects: {
            sellerId: s.seller_id,
            buyerId: s.buyer_id,
            listingId: s.listing_id,
            orderId: s.order_id,
            conversationId: s.conversation_id,
            messageId: s.message_id,
          },
        });
        return reply.code(created ? 201 : 200).send(detailToDto(detail));
      },
    );

    r.get(
      '/v1/cases/:id',
      {
        config: { access: READERS },
        schema: { tags: ['cases'], summary: 'A case with its timeline, notes, evidence list and allowed next states', params: Type.Object({ id: Id }), response: withErrors({ 200: CaseDetailDto }) },
      },
      async (request) => detailToDto(await cases.getCase(principalOf(request), request.params.id)),
    );

    r.post(
      '/v1/cases/:id/transitions',
      {
        config: { access: READERS },
        schema: {
          tags: ['cases'],
          summary: 'Move a case to another status; a refused move is 422 invalid_transition with a reason and the allowed states',
          params: Type.Object({ id: Id }),
          body: Type.Object({ to: Name, note: Type.Optional(Type.String({ maxLength: 20_000 })), expected_version: VersionField }),
          response: withErrors({ 200: CaseDetailDto }),
        },
      },
      async (request) => {
        const res = await cases.transition(principalOf(request), request.params.id, request.body.to, { note: request.body.note, expectedVersion: request.body.expected_version });
        if (!res.ok) throw res.error;
        return detailToDto(res.value);
      },
    );

    r.post(
      '/v1/cases/:id/assignment',
      {
        config: { access: ALL_STAFF },
        schema: {
          tags: ['cases'],
          summary: 'Assign the case to a user, or unassign it with null',
          params: Type.Object({ id: Id }),
          body: Type.Object({ assignee_id: Type.Union([Id, Type.Null()]), expected_version: VersionField }),
          response: withErrors({ 200: CaseDetailDto }),
        },
      },
      async (request) =>
        detailToDto(await cases.assign(principalOf(request), request.params.id, request.body.assignee_id, { expectedVersion: request.body.expected_version })),
    );

    r.post(
      '/v1/cases/:id/priority',
      {
        config: { access: ALL_STAFF },
        schema: {
          tags: ['cases'],
          summary: 'Change the priority; both SLA due times are recomputed from the opening time',
          params: Type.Object({ id: Id }),
          body: Type.Object({ priority: Priority, expected_version: VersionField }),
          response: withErrors({ 200: CaseDetailDto }),
        },
      },
      async (request) =>
        detailToDto(await cases.changePriority(principalOf(request), request.params.id, request.body.priority, { expectedVersion: request.body.expected_version })),
    );

    r.post(
      '/v1/cases/:id/notes',
      {
        config: { access: READERS },
        schema: {
          tags: ['cases'],
          summary: 'Add a note to the case',
          params: Type.Object({ id: Id }),
          body: Type.Object({ body: Type.String({ minLength: 1, maxLength: 20_000 }) }),
          response: withErrors({ 201: NoteDto }),
        },
      },
      async (request, reply) => reply.code(201).send(noteToDto(await cases.addNote(principalOf(request), request.params.id, request.body.body))),
    );

    r.post(
      '/v1/cases/:id/evidence',
      {
        config: { access: ALL_STAFF },
        bodyLimit: evidenceBodyLimit,
        schema: {
          tags: ['cases'],
          summary: `Attach an evidence file as base64 JSON (at most ${opts.evidenceMaxBytes} bytes decoded; larger is 413)`,
          params: Type.Object({ id: Id }),
          body: Type.Object({
            filename: Type.String({ minLength: 1, maxLength: 255 }),
            content_type: Type.String({ minLength: 3, maxLength: 191 }),
            content_base64: Type.String({ minLength: 1, maxLength: evidenceBodyLimit }),
          }),
          response: withErrors({ 201: EvidenceDto }),
        },
      },
      async (request, reply) => {
        const b = request.body;
        if (b.content_base64.length % 4 !== 0 || !BASE64.test(b.content_base64)) {
          throw invalidInput('content_base64 is not base64', [{ field: '/content_base64', reason: 'must be standard base64 (RFC 4648 §4) with padding' }]);
        }
        const bytes = Buffer.from(b.content_base64, 'base64');
        const info = await cases.addEvidence(principalOf(request), request.params.id, { filename: b.filename, contentType: b.content_type, bytes });
        return reply.code(201).send(evidenceToDto(info));
      },
    );

    r.get(
      '/v1/cases/:id/evidence/:evidenceId',
      {
        config: { access: ALL_STAFF },
        schema: {
          tags: ['cases'],
          summary: 'Download an evidence file: its bytes with its content type and SHA-256 (x-content-sha256, repr-digest)',
          params: Type.Object({ id: Id, evidenceId: Id }),
          response: withErrors({ 200: Type.String({ description: 'the file', contentMediaType: 'application/octet-stream' }) }),
        },
      },
      async (request, reply) => {
        const e = await cases.getEvidence(principalOf(request), request.params.id, request.params.evidenceId);
        return reply
          .header('content-type', e.contentType)
          .header('content-disposition', contentDisposition(e.filename))
          .header('x-content-sha256', e.sha256)
          .header('repr-digest', `sha-256=:${Buffer.from(e.sha256, 'hex').toString('base64')}:`)
          .header('cache-control', 'private, no-store')
          .send(e.bytes);
      },
    );
  };
}
