import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Role } from '../identity';
import { APPEAL_LIST_STATUSES, restrictionState, type EnforcementService } from '../enforcement';
import { principalOf } from './auth.plugin';
import { ALL_STAFF } from './context';
import { CursorQuery, Id, page, withErrors } from './schemas';
import { violationToDto, restrictionToDto, noticeSummaryToDto, noticeToDto, appealToDto, appealWorkToDto, appealDetailToDto, standingToDto } from './enforcement.dto';

export { standingToDto };

const SENIORS: readonly Role[] = ['senior', 'manager', 'admin', 'legal'];
/** The marketplace forwards what the dealer sends; staff may enter it on the dealer's behalf. */
const SELLER_CHANNEL: readonly Role[] = ['integration', ...ALL_STAFF];

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const StepDto = Type.Object({ step: Type.Integer(), name: Type.String() });
const ClauseDto = Type.Object({ clause_id: Type.String(), version: Type.Integer(), title: Type.String(), text: Type.String() });
const ViolationDto = Type.Object({
  id: Type.String(),
  seller_id: Type.String(),
  clause: ClauseDto,
  severity: Type.String(),
  case_id: Type.String(),
  conversation_id: Nullable(Type.String()),
  message_ids: Type.Array(Type.String()),
  excerpts: Type.Array(Type.String()),
  excerpts_sha256: Type.String(),
  decided_by: Type.String(),
  automated_detection: Type.Boolean(),
  automated_decision: Type.Boolean(),
  step: StepDto,
  decided_at: Type.String(),
  strike_expires_at: Type.String(),
  status: Type.String(),
  overturned_at: Nullable(Type.String()),
  overturned_by: Nullable(Type.String()),
});
const RestrictionDto = Type.Object({
  id: Type.String(),
  seller_id: Type.String(),
  violation_id: Type.String(),
  kind: Type.String(),
  state: Type.String({ description: 'scheduled, active, ended or lifted, now' }),
  applied_at: Type.String(),
  effective_at: Type.String(),
  ends_at: Nullable(Type.String()),
  lifted_at: Nullable(Type.String()),
  lifted_by: Nullable(Type.String()),
});
const NoticeSummaryDto = Type.Object({
  id: Type.String(),
  seller_id: Type.String(),
  violation_id: Type.String(),
  appeal_case_id: Nullable(Type.String()),
  kind: Type.String(),
  step: Nullable(Type.Integer()),
  lang: Type.String(),
  to_email: Nullable(Type.String()),
  subject: Type.String(),
  email_id: Nullable(Type.String()),
  created_at: Type.String(),
});
const NoticeDto = Type.Object({
  ...NoticeSummaryDto.properties,
  text: Type.String(),
  html: Type.String(),
  statement_of_reasons: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
const AppealDto = Type.Object({
  case_id: Type.String(),
  violation_id: Type.String(),
  seller_id: Type.String(),
  reason: Type.String(),
  filed_by: Type.Object({ type: Type.String(), id: Type.String() }),
  filed_at: Type.String(),
  outcome: Nullable(Type.String({ description: 'upheld, overturned or withdrawn (by the seller); null while open' })),
  decided_by: Nullable(Type.String({ description: 'who decided it, or who recorded the withdrawal' })),
  decided_at: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
const PersonDto = Type.Object({ id: Type.String(), name: Nullable(Type.String()), role: Nullable(Type.String()) });
const AppealWorkDto = Type.Object({
  case_id: Type.String(),
  status: Type.String({ description: 'the appeal case status: received, under_review, upheld, overturned, withdrawn, closed' }),
  closed: Type.Boolean(),
  priority: Type.String(),
  queue: Type.String(),
  assignee_id: Nullable(Type.String()),
  sla_due_at: Type.String(),
  opened_at: Type.String(),
  closed_at: Nullable(Type.String()),
  lang: Nullable(Type.String({ description: 'the language of the decision notice; the decision on appeal is written in it too' })),
  seller: Type.Object({ id: Type.String(), name: Nullable(Type.String()) }),
  appeal: AppealDto,
  violation: ViolationDto,
  violation_decided_by: PersonDto,
  appeal_decided_by: Nullable(PersonDto),
});
const AppealDetailDto = Type.Object({
  ...AppealWorkDto.properties,
  notices: Type.Array(NoticeSummaryDto),
  restrictions: Type.Array(RestrictionDto),
  replies: Type.Array(
    Type.Object({ at: Type.String(), body: Type.String(), via: Type.Object({ type: Type.String(), id: Type.String() }), before_appeal: Type.Boolean({ description: 'written on the review case before the appeal was filed' }) }),
  ),
});
const StandingDto = Type.Object({
  seller_id: Type.String(),
  position: Nullable(StepDto),
  next_step: StepDto,
  active_strikes: Type.Array(Type.Object({ violation_id: Type.String(), step: StepDto, clause_id: Type.String(), decided_at: Type.String(), expires_at: Type.String() })),
  restrictions: Type.Array(RestrictionDto),
  violations: Type.Array(ViolationDto),
  notices: Type.Array(NoticeSummaryDto),
  appeals: Type.Array(AppealDto),
});

/** Violations, standing, notices, appeals and seller replies (`/v1`). */
export function enforcementRoutes(enforcement: EnforcementService) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['enforcement'];

    r.get(
      '/v1/sellers/:id/standing',
      {
        config: { access: ALL_STAFF },
        schema: { tags, summary: "A seller's ladder position, active strikes, restrictions, violations, notices and appeals", params: Type.Object({ id: Id }), response: withErrors({ 200: StandingDto }) },
      },
      async (request) => standingToDto(await enforcement.standing(request.params.id)),
    );

    r.get(
      '/v1/violations',
      {
        config: { access: ALL_STAFF },
        schema: { tags, summary: "A seller's violations, newest first", querystring: Type.Object({ seller_id: Id }), response: withErrors({ 200: Type.Object({ items: Type.Array(ViolationDto) }) }) },
      },
      async (request) => ({ items: (await enforcement.listViolations(request.query.seller_id)).map(violationToDto) }),
    );

    r.get(
      '/v1/violations/:id',
      {
        config: { access: ALL_STAFF },
        schema: {
          tags,
          summary: 'A violation with its restrictions, notices and appeals',
          params: Type.Object({ id: Id }),
          response: withErrors({ 200: Type.Object({ ...ViolationDto.properties, restrictions: Type.Array(RestrictionDto), notices: Type.Array(NoticeSummaryDto), appeals: Type.Array(AppealDto) }) }),
        },
      },
      async (request) => {
        const d = await enforcement.getViolation(request.params.id);
        return {
          ...violationToDto(d.violation),
          restrictions: d.restrictions.map(restrictionToDto),
          notices: d.notices.map(noticeSummaryToDto),
          appeals: d.appeals.map(appealToDto),
        };
      },
    );

    r.post(
      '/v1/violations',
      {
        config: { access: ALL_STAFF },
        schema: {
          tags,
          summary: 'Record a confirmed violation by hand (a review decision normally does this)',
          body: Type.Object({
            seller_id: Id,
            clause_id: Type.String({ minLength: 1, maxLength: 64 }),
            severity: Type.Optional(Type.Union([Type.Literal('standard'), Type.Literal('severe')])),
            case_id: Id,
            conversation_id: Type.Optional(Id),
            message_ids: Type.Optional(Type.Array(Id, { maxItems: 500 })),
            excerpts: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 20 })),
          }),
          response: withErrors({ 201: Type.Object({ violation: ViolationDto, step: StepDto, notice: NoticeDto, restrictions: Type.Array(RestrictionDto) }) }),
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const b = request.body;
        const res = await enforcement.recordViolation(p, {
          sellerId: b.seller_id,
          clauseId: b.clause_id,
          severity: b.severity ?? 'standard',
          caseId: b.case_id,
          conversationId: b.conversation_id,
          messageIds: b.message_ids ?? [],
          excerpts: b.excerpts ?? [],
          automatedDetection: false,
          automatedDecision: false,
          decidedBy: p.id,
        });
        return reply.code(201).send({
          violation: violationToDto(res.violation),
          step: res.step,
          notice: noticeToDto(res.notice),
          restrictions: res.restrictions.map((x) => restrictionToDto({ ...x, state: restrictionState(x, x.appliedAt) })),
        });
      },
    );

    r.get(
      '/v1/notices/:id',
      {
        config: { access: ALL_STAFF },
        schema: { tags, summary: 'A notice exactly as sent: subject, text, HTML and statement of reasons', params: Type.Object({ id: Id }), response: withErrors({ 200: NoticeDto }) },
      },
      async (request) => noticeToDto(await enforcement.getNotice(request.params.id)),
    );

    r.post(
      '/v1/violations/:id/appeals',
      {
        config: { access: SELLER_CHANNEL },
        schema: {
          tags,
          summary: "File the seller's appeal (free of charge, within the appeal window)",
          params: Type.Object({ id: Id }),
          body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 10_000 }) }),
          response: withErrors({ 201: Type.Object({ appeal: AppealDto, notice: NoticeSummaryDto }) }),
        },
      },
      async (request, reply) => {
        const res = await enforcement.fileAppeal(principalOf(request), { violationId: request.params.id, reason: request.body.reason });
        return reply.code(201).send({ appeal: appealToDto(res.appeal), notice: noticeSummaryToDto(res.notice) });
      },
    );

    r.get(
      '/v1/appeals',
      {
        config: { access: ALL_STAFF },
        schema: {
          tags,
          summary: 'Appeals to work: open ones in queue order (SLA due soonest first), closed or all newest first; cursor pages',
          querystring: Type.Object({
            ...CursorQuery.properties,
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            status: Type.Optional(Type.Union(APPEAL_LIST_STATUSES.map((x) => Type.Literal(x)), { default: 'open' })),
          }),
          response: withErrors({ 200: page(AppealWorkDto) }),
        },
      },
      async (request) => {
        const q = request.query;
        const res = await enforcement.listAppeals(principalOf(request), { status: q.status, cursor: q.cursor, limit: q.limit });
        return { items: res.items.map(appealWorkToDto), next_cursor: res.nextCursor ?? null };
      },
    );

    r.get(
      '/v1/appeals/:case_id',
      {
        config: { access: ALL_STAFF },
        schema: {
          tags,
          summary: "An appeal with its violation, the violation's notices and restrictions, and what the seller wrote",
          params: Type.Object({ case_id: Id }),
          response: withErrors({ 200: AppealDetailDto }),
        },
      },
      async (request) => appealDetailToDto(await enforcement.getAppeal(principalOf(request), request.params.case_id)),
    );

    r.post(
      '/v1/appeals/:case_id/decision',
      {
        config: { access: SENIORS },
        schema: {
          tags,
          summary: 'Decide an appeal (a senior who did not decide the violation); overturning lifts its restrictions',
          params: Type.Object({ case_id: Id }),
          body: Type.Object({ decision: Type.Union([Type.Literal('upheld'), Type.Literal('overturned')]), note: Type.String({ minLength: 1, maxLength: 20_000 }) }),
          response: withErrors({
            200: Type.Object({ appeal: AppealDto, violation: ViolationDto, lifted_restrictions: Type.Array(RestrictionDto), notice: NoticeSummaryDto }),
          }),
        },
      },
      async (request) => {
        const res = await enforcement.decideAppeal(principalOf(request), request.params.case_id, request.body.decision, request.body.note);
        return {
          appeal: appealToDto(res.appeal),
          violation: violationToDto(res.violation),
          lifted_restrictions: res.lifted.map((x) => restrictionToDto({ ...x, state: 'lifted' })),
          notice: noticeSummaryToDto(res.notice),
        };
      },
    );

    r.post(
      '/v1/appeals/:case_id/withdraw',
      {
        config: { access: SELLER_CHANNEL },
        schema: {
          tags,
          summary: 'The seller withdraws an open appeal (the marketplace forwards it, or staff record it); the violation stands and may be appealed again within the window',
          params: Type.Object({ case_id: Id }),
          body: Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000, description: "the seller's words, if any" })) }),
          response: withErrors({ 200: Type.Object({ appeal: AppealDto }) }),
        },
      },
      async (request) => {
        const res = await enforcement.withdrawAppeal(principalOf(request), request.params.case_id, { note: request.body.note });
        return { appeal: appealToDto(res.appeal) };
      },
    );

    r.post(
      '/v1/violations/:id/replies',
      {
        config: { access: SELLER_CHANNEL },
        schema: {
          tags,
          summary: "Record the seller's reply on the violation's case (and its open appeal)",
          params: Type.Object({ id: Id }),
          body: Type.Object({ body: Type.String({ minLength: 1, maxLength: 10_000 }) }),
          response: withErrors({ 201: Type.Object({ case_ids: Type.Array(Type.String()) }) }),
        },
      },
      async (request, reply) => {
        const res = await enforcement.recordSellerReply(principalOf(request), { violationId: request.params.id, body: request.body.body });
        return reply.code(201).send({ case_ids: res.caseIds });
      },
    );
  };
}
