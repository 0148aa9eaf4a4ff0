import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Role } from '../identity';
import { DECISIONS, NO_VIOLATION_REASONS, maskJson, maskText, partyIdsIn, type ReviewDecision, type ReviewService, type ReviewView, type TextMasker, type VendorAgreement } from '../review';
import { invalidInput } from '../kernel';
import { principalOf } from './auth.plugin';
import { PROBLEMS, problemType } from './problem';
import { ALL_STAFF } from './context';
import { Id, withErrors } from './schemas';

const REVIEWERS: readonly Role[] = [...ALL_STAFF, 'vendor'];
const SENIORS: readonly Role[] = ['senior', 'manager', 'admin', 'legal'];
const MANAGERS: readonly Role[] = ['manager', 'admin'];

const QueueName = Type.String({ minLength: 1, maxLength: 63, pattern: '^[a-z0-9][a-z0-9_.-]*$' });
const Lang = Type.String({ minLength: 2, maxLength: 35, pattern: '^[A-Za-z0-9-]+$' });
const Token = Type.String({ minLength: 1, maxLength: 200 });
const Note = Type.String({ minLength: 1, maxLength: 20_000 });
const Decision = Type.Union(DECISIONS.map((d) => Type.Literal(d)));
const Reason = Type.Union(NO_VIOLATION_REASONS.map((r) => Type.Literal(r)));
const ClauseId = Type.String({ minLength: 1, maxLength: 64 });
const Severity = Type.Union([Type.Literal('standard'), Type.Literal('severe')]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const LeaseDto = Type.Object({ case_id: Type.String(), lease_token: Type.String(), fence: Type.Integer(), expires_at: Type.String() });
const QueueLineDto = Type.Object({
  queue: Type.String(),
  lang: Type.String(),
  priority: Type.String(),
  open: Type.Integer(),
  unclaimed: Type.Integer(),
  overdue: Type.Integer(),
  oldest_open_at: Nullable(Type.String()),
  oldest_age_seconds: Nullable(Type.Integer()),
});
const DecisionDto = Type.Object({
  id: Type.String(),
  case_id: Type.String(),
  reviewer_id: Type.String(),
  reviewer_role: Type.String(),
  vendor_org_id: Nullable(Type.String()),
  decision: Type.String(),
  clause_id: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  rules: Type.Array(Type.String()),
  rule_set_version: Nullable(Type.String()),
  automated: Type.Boolean(),
  recommendation: Type.Boolean(),
  confirmed_by: Nullable(Type.String()),
  reversed_by: Nullable(Type.String()),
  at: Type.String(),
});
const HitDto = Type.Object({ kind: Type.String(), start: Type.Integer(), end: Type.Integer(), rule: Type.String(), clause: Type.String(), score: Type.Number() });
const MessageDto = Type.Object({
  id: Type.String(),
  sender_role: Type.String(),
  sent_at: Type.String(),
  lang: Nullable(Type.String()),
  body: Type.String(),
  verdict: Nullable(Type.String()),
  score: Nullable(Type.Number()),
  historical: Type.Boolean(),
  hits: Type.Array(HitDto),
});
const ReviewCaseDto = Type.Object({
  case: Type.Record(Type.String(), Type.Unknown()),
  review: Type.Object({
    conversation_id: Type.String(),
    seller_id: Type.String(),
    buyer_id: Type.String(),
    open: Type.Boolean(),
    lang: Type.String(),
    max_score: Type.Number(),
    kinds: Type.Array(Type.String()),
    rules: Type.Array(Type.String()),
    flagged_message_ids: Type.Array(Type.String()),
    first_flagged_at: Type.String(),
    last_flagged_at: Type.String(),
  }),
  lease: Type.Object({ reviewer_id: Nullable(Type.String()), expires_at: Nullable(Type.String()) }),
  parties: Type.Object({ seller: Nullable(Type.String()), buyer: Nullable(Type.String()), listing_title: Nullable(Type.String()) }),
  messages: Type.Array(MessageDto),
  decisions: Type.Array(DecisionDto),
  seller_history: Type.Object({ decisions: Type.Array(DecisionDto), open_case_ids: Type.Array(Type.String()) }),
  pair_decisions: Type.Array(DecisionDto),
  enforcement: Type.Optional(Type.Unknown({ description: "the seller's ladder position, strikes and restrictions (when enforcement runs)" })),
});
const DecisionResultDto = Type.Object({ decision: DecisionDto, next_case_id: Nullable(Type.String()) });
const AgreementDto = Type.Object({
  reviewer_id: Type.String(),
  vendor_org_id: Type.String(),
  recommendations: Type.Integer(),
  confirmed: Type.Integer(),
  reversed: Type.Integer(),
  pending: Type.Integer(),
  agreement_rate: Nullable(Type.Number()),
});

function decisionToDto(d: ReviewDecision, mask: TextMasker) {
  return {
    id: d.id,
    case_id: d.caseId,
    reviewer_id: d.reviewerId,
    reviewer_role: d.reviewerRole,
    vendor_org_id: d.vendorOrgId ?? null,
    decision: d.decision,
    clause_id: d.clauseId ?? null,
    reason: d.reason ?? null,
    note: d.note === undefined ? null : mask(d.note),
    rules: [...d.rules],
    rule_set_version: d.ruleSetVersion ?? null,
    automated: d.automated,
    recommendation: d.recommendation,
    confirmed_by: d.confirmedBy ?? null,
    reversed_by: d.reversedBy ?? null,
    at: d.at.toISOString(),
  };
}

/** The review page; for a vendor every text is masked and hit offsets point into the masked body. */
function viewToDto(v: ReviewView) {
  const d = v.detail;
  const c = d.case;
  const mask = v.mask;
  const notes = new Map(d.notes.map((n) => [n.id, n]));
  const caseDto = {
    id: c.id,
    type: c.type,
    status: c.status,
    closed: d.closed,
    priority: c.priority,
    queue: c.queue,
    assignee_id: c.assigneeId ?? null,
    title: mask(c.title),
    subjects: { seller_id: c.subjects.sellerId ?? null, buyer_id: c.subjects.buyerId ?? null, listing_id: c.subjects.listingId ?? null, conversation_id: c.subjects.conversationId ?? null },
    sla_due_at: c.slaDueAt.toISOString(),
    opened_at: c.openedAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
    version: c.version,
    next_states: [...d.nextStates],
    timeline: d.timeline.map((t) => ({ id: t.id, at: t.at.toISOString(), actor: { type: t.actor.type, id: t.actor.id }, kind: t.kind, data: v.vendor ? maskJson(t.data, { parties: partiesOf(v) }) : t.data })),
    notes: [...notes.values()].map((n) => ({ id: n.id, author: { type: n.author.type, id: n.author.id }, body: mask(n.body), at: n.at.toISOString() })),
    evidence: d.evidence.map((e) => ({ id: e.id, filename: mask(e.filename), content_type: e.contentType, size_bytes: e.sizeBytes, sha256: e.sha256, at: e.at.toISOString() })),
  };
  const messages = (v.conversation?.messages ?? []).map((m) => {
    const hits = m.scan?.hits ?? [];
    let body = m.body;
    let mapped = hits.map((h) => ({ kind: h.kind, start: h.start, end: h.end, rule: h.rule, clause: h.clause, score: h.score }));
    if (v.vendor) {
      const masked = maskText(m.body, { hits, parties: partiesOf(v) });
      body = masked.text;
      mapped = mapped.map((h) => ({ ...h, start: masked.mapStart(h.start), end: masked.mapEnd(h.end) }));
    }
    return {
      id: m.id,
      sender_role: m.senderRole,
      sent_at: m.sentAt.toISOString(),
      lang: m.lang ?? null,
      body,
      verdict: m.scan?.verdict ?? null,
      score: m.scan?.score ?? null,
      historical: m.scan?.historical === true,
      hits: mapped,
    };
  });
  const dto: Record<string, unknown> = {
    case: caseDto,
    review: {
      conversation_id: v.review.conversationId,
      seller_id: v.review.sellerId,
      buyer_id: v.review.buyerId,
      open: v.review.open,
      lang: v.review.lang,
      max_score: v.review.maxScore,
      kinds: [...v.review.kinds],
      rules: [...v.review.rules],
      flagged_message_ids: [...v.review.messageIds],
      first_flagged_at: v.review.firstFlaggedAt.toISOString(),
      last_flagged_at: v.review.lastFlaggedAt.toISOString(),
    },
    lease: { reviewer_id: v.lease.reviewerId ?? null, expires_at: v.lease.expiresAt?.toISOString() ?? null },
    parties: {
      seller: v.parties.seller ?? null,
      buyer: v.parties.buyer ?? null,
      listing_title: v.conversation?.listing?.title === undefined ? null : mask(v.conversation.listing.title),
    },
    messages,
    decisions: v.decisions.map((x) => decisionToDto(x, mask)),
    seller_history: { decisions: v.sellerHistory.decisions.map((x) => decisionToDto(x, mask)), open_case_ids: v.sellerHistory.openCases.map((x) => x.caseId) },
    pair_decisions: v.pairDecisions.map((x) => decisionToDto(x, mask)),
  };
  if (v.standing !== undefined) dto['enforcement'] = v.vendor ? maskJson(v.standing, { parties: partiesOf(v) }) : v.standing;
  return dto;
}

function partiesOf(v: ReviewView) {
  const conv = v.conversation;
  if (conv === undefined) return [];
  return [
    { label: v.parties.seller ?? 'Seller', names: conv.seller?.name === undefined ? [] : [conv.seller.name], emails: conv.seller?.email === undefined ? [] : [conv.seller.email] },
    { label: v.parties.buyer ?? 'Buyer', names: conv.buyer?.name === undefined ? [] : [conv.buyer.name], emails: conv.buyer?.email === undefined ? [] : [conv.buyer.email] },
  ];
}

function agreementToDto(a: VendorAgreement) {
  return {
    reviewer_id: a.reviewerId,
    vendor_org_id: a.vendorOrgId,
    recommendations: a.recommendations,
    confirmed: a.confirmed,
    reversed: a.reversed,
    pending: a.pending,
    agreement_rate: a.agreementRate ?? null,
  };
}

/**
 * The reviewer's API: queues, claims with leases, the review page, decisions, vendor recommendations
 * and their confirmation by seniors, and vendor agreement.
 */
export function reviewRoutes(review: ReviewService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/v1/review/queues',
      {
        config: { access: REVIEWERS },
        schema: {
          tags: ['review'],
          summary: 'Open review cases per queue, language and priority: open, unclaimed, overdue and the oldest (vendors: granted queues only)',
          response: withErrors({ 200: Type.Object({ items: Type.Array(QueueLineDto) }) }),
        },
      },
      async (request) => ({
        items: (await review.queues(principalOf(request))).map((l) => ({
          queue: l.queue,
          lang: l.lang,
          priority: l.priority,
          open: l.open,
          unclaimed: l.unclaimed,
          overdue: l.overdue,
          oldest_open_at: l.oldestOpenAt?.toISOString() ?? null,
          oldest_age_seconds: l.oldestAgeSeconds ?? null,
        })),
      }),
    );

    r.post(
      '/v1/review/claims',
      {
        config: { access: REVIEWERS },
        schema: {
          tags: ['review'],
          summary: 'Claim the next case (highest priority, then oldest) with an exclusive lease; 404 review.nothing_to_claim when none is left',
          body: Type.Object({ queue: Type.Optional(QueueName), lang: Type.Optional(Lang) }),
          response: withErrors({ 201: LeaseDto }),
        },
      },
      async (request, reply) => {
        const lease = await review.claim(principalOf(request), { queue: request.body.queue, lang: request.body.lang });
        return reply.code(201).send({ case_id: lease.caseId, lease_token: lease.token, fence: lease.fence, expires_at: lease.expiresAt.toISOString() });
      },
    );

    r.post(
      '/v1/review/claims/:case_id/renew',
      {
        config: { access: REVIEWERS },
        schema: { tags: ['review'], summary: 'Extend your lease on a case', params: Type.Object({ case_id: Id }), body: Type.Object({ lease_token: Token }), response: withErrors({ 200: LeaseDto }) },
      },
      async (request) => {
        const lease = await review.renew(principalOf(request), request.params.case_id, request.body.lease_token);
        return { case_id: lease.caseId, lease_token: lease.token, fence: lease.fence, expires_at: lease.expiresAt.toISOString() };
      },
    );

    r.post(
      '/v1/review/claims/:case_id/release',
      {
        config: { access: REVIEWERS },
        schema: { tags: ['review'], summary: 'Give the case back to the queue', params: Type.Object({ case_id: Id }), body: Type.Object({ lease_token: Token }), response: withErrors({ 204: Type.Null() }) },
      },
      async (request, reply) => {
        await review.release(principalOf(request), request.params.case_id, request.body.lease_token);
        return reply.code(204).send(null);
      },
    );

    r.get(
      '/v1/review/cases/:id',
      {
        config: { access: REVIEWERS },
        schema: {
          tags: ['review'],
          summary: "A case to review: the conversation with hits by offset, the seller's history and standing, earlier decisions on the same parties",
          params: Type.Object({ id: Id }),
          response: withErrors({ 200: ReviewCaseDto }),
        },
      },
      async (request) => viewToDto(await review.view(principalOf(request), request.params.id)),
    );

    r.post(
      '/v1/review/cases/:id/decisions',
      {
        config: { access: REVIEWERS },
        schema: {
          tags: ['review'],
          summary: "Decide a case you hold the lease of (a vendor's decision is a recommendation a senior confirms); names the next claimable case",
          params: Type.Object({ id: Id }),
          body: Type.Object({
            lease_token: Token,
            decision: Decision,
            clause_id: Type.Optional(ClauseId),
            reason: Type.Optional(Reason),
            severity: Type.Optional(Severity),
            note: Note,
          }),
          response: withErrors({ 201: DecisionResultDto }),
        },
      },
      async (request, reply) => {
        const b = request.body;
        const caller = principalOf(request);
        const res = await review.decide(caller, request.params.id, { leaseToken: b.lease_token, decision: b.decision, clauseId: b.clause_id, reason: b.reason, note: b.note, severity: b.severity });
        const mask = await review.maskerFor(caller, res.decision.conversationId);
        return reply.code(201).send({ decision: decisionToDto(res.decision, mask), next_case_id: res.nextCaseId ?? null });
      },
    );

    r.post(
      '/v1/review/cases/:id/confirmations',
      {
        config: { access: SENIORS },
        schema: {
          tags: ['review'],
          summary: "Confirm a vendor's recommendation (applied as your decision) or reverse it with your own decision",
          params: Type.Object({ id: Id }),
          body: Type.Object({
            recommendation_id: Id,
            outcome: Type.Union([Type.Literal('confirm'), Type.Literal('reverse')]),
            decision: Type.Optional(Decision),
            clause_id: Type.Optional(ClauseId),
            reason: Type.Optional(Reason),
            severity: Type.Optional(Severity),
            note: Note,
          }),
          response: withErrors({ 201: Type.Object({ decision: DecisionDto, recommendation: DecisionDto }) }),
        },
      },
      async (request, reply) => {
        const b = request.body;
        const res = await review.confirm(principalOf(request), request.params.id, {
          recommendationId: b.recommendation_id,
          outcome: b.outcome,
          decision: b.decision,
          clauseId: b.clause_id,
          reason: b.reason,
          severity: b.severity,
          note: b.note,
        });
        const same: TextMasker = (t) => t;
        return reply.code(201).send({ decision: decisionToDto(res.decision, same), recommendation: decisionToDto(res.recommendation, same) });
      },
    );

    r.get(
      '/v1/review/vendor-agreement',
      {
        config: { access: MANAGERS },
        schema: {
          tags: ['review'],
          summary: "Each vendor reviewer's agreement with seniors: recommendations confirmed, reversed and pending",
          querystring: Type.Object({ vendor_org_id: Type.Optional(Id), since: Type.Optional(Type.String({ maxLength: 40, format: 'date-time' })) }),
          response: withErrors({ 200: Type.Object({ items: Type.Array(AgreementDto) }) }),
        },
      },
      async (request) => {
        const since = request.query.since === undefined ? undefined : new Date(request.query.since);
        if (since !== undefined && !Number.isFinite(since.getTime())) throw invalidInput('since is not a time', [{ field: 'querystring/since', reason: 'must be an ISO 8601 time' }]);
        return { items: (await review.vendorAgreement(principalOf(request), { vendorOrgId: request.query.vendor_org_id, since })).map(agreementToDto) };
      },
    );
  };
}

/**
 * The last safety net for outsourced reviewers: every JSON response to a vendor principal, on any
 * route (errors included), has its strings passed through the pattern masker, except ids,
 * timestamps and enumerations, and the names and e-mails of the parties behind any seller_id,
 * buyer_id, conversation_id or case_id in it (or the case its route names) are reduced. Registered unencapsulated so it covers every
 * module's routes. It fails closed: a response it cannot mask is not sent.
 */
export function vendorMaskingHook(review: Pick<ReviewService, 'partiesForMasking'>) {
  const plugin = async (app: FastifyInstance): Promise<void> => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.principal?.role !== 'vendor') return payload;
      const type = String(reply.getHeader('content-type') ?? '');
      if (!/json/.test(type)) return payload;
      if (payload === null || payload === undefined || payload === '') return payload;
      const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
      if (text === undefined) return withheld(request, reply); // a stream: it cannot be masked
      try {
        const value = JSON.parse(text) as unknown;
        const ids = partyIdsIn(value);
        // a response about a case may not repeat its id (a note, an error): the route names it
        const params = (request.params ?? {}) as Record<string, unknown>;
        const routeCase = /\/cases\/:id(\/|$)/.test(request.routeOptions.url ?? '') ? params['id'] : params['case_id'];
        if (typeof routeCase === 'string') ids.caseIds.push(routeCase);
        const parties = await review.partiesForMasking(ids);
        return JSON.stringify(maskJson(value, { parties }));
      } catch (e) {
        request.log.error({ err: e }, 'vendor masking failed; the response was withheld');
        return withheld(request, reply);
      }
    });
  };
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  return plugin;
}

function withheld(request: FastifyRequest, reply: FastifyReply): string {
  void reply.code(500).header('content-type', 'application/problem+json');
  return JSON.stringify({
    type: problemType('internal'),
    title: PROBLEMS.internal.title,
    status: 500,
    detail: 'the response could not be masked for an outsourced reviewer and was withheld',
    code: 'internal',
    correlation_id: request.id,
  });
}
