import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { invalidInput } from '../kernel';
import type { Role } from '../identity';
import {
  ARTEFACT_TYPES,
  DISMISS_REASONS,
  DISPUTE_OUTCOMES,
  type Artefact,
  type CommissionDispute,
  type CommissionOrder,
  type EvidenceItem,
  type Investigation,
  type InvestigationListItem,
  type InvestigationService,
} from '../investigations';
import { principalOf } from './auth.plugin';
import { ALL_STAFF } from './context';
import { Id, Timestamp, page, withErrors } from './schemas';

const SENIORS: readonly Role[] = ['senior', 'manager', 'admin', 'legal'];
const MANAGERS: readonly Role[] = ['admin', 'manager'];
/** The marketplace forwards what the dealer sends; staff may enter it on the dealer's behalf. */
const SELLER_CHANNEL: readonly Role[] = ['integration', ...ALL_STAFF];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Literals = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));

const SignalDto = Type.Object({
  name: Type.String(),
  weight: Type.Number(),
  strength: Type.Number(),
  contribution: Type.Number(),
  explanation: Type.String(),
  message_ids: Type.Array(Type.String()),
  event_ids: Type.Array(Type.String()),
});
const InvestigationDto = Type.Object({
  case_id: Type.String(),
  conversation_id: Type.String(),
  seller_id: Type.String(),
  buyer_id: Type.String(),
  listing_id: Nullable(Type.String()),
  open: Type.Boolean(),
  score: Type.Number({ description: '0..1, the sum of the signal contributions' }),
  signals: Type.Array(SignalDto),
  first_contact_at: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  dismiss_reason: Nullable(Type.String()),
  opened_at: Type.String(),
  scored_at: Type.String(),
});
const InvestigationListDto = Type.Object({
  ...InvestigationDto.properties,
  seller_name: Nullable(Type.String({ description: "the seller's name, null while the marketplace has not sent it" })),
  listing_title: Nullable(Type.String({ description: "the listing's title, null without a listing or while unknown" })),
});
const ArtefactDto = Type.Object({ evidence_id: Type.String(), case_id: Type.String(), type: Type.String(), declared_by: Type.Object({ type: Type.String(), id: Type.String() }), at: Type.String() });
const Amount = Type.Object({ amount_minor: Type.Integer(), currency: Type.String() });
const CommissionOrderDto = Type.Object({
  id: Type.String(),
  case_id: Type.String(),
  seller_id: Type.String(),
  buyer_ref: Type.String({ description: "the marketplace's buyer id (pseudonymous)" }),
  listing_id: Nullable(Type.String()),
  conversation_id: Type.String(),
  lead_first_seen_at: Type.String(),
  sale_date: Nullable(Type.String()),
  sale_price: Type.Object({ amount_minor: Type.Integer(), currency: Type.String(), source: Type.String({ description: 'admission, invoice or listing_price' }) }),
  tier: Type.String(),
  commission_rate_bps: Type.Integer(),
  commission: Amount,
  status: Type.String({ description: 'issued, disputed, confirmed, cancelled, collected or written_off' }),
  due_at: Type.String(),
  violation_id: Nullable(Type.String()),
  notice_email_id: Nullable(Type.String()),
  cancel_reason: Nullable(Type.String()),
  issued_by: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
});
const DisputeDto = Type.Object({
  case_id: Type.String(),
  commission_order_id: Type.String(),
  reason: Type.String(),
  filed_by: Type.Object({ type: Type.String(), id: Type.String() }),
  filed_at: Type.String(),
  outcome: Nullable(Type.String()),
  decided_by: Nullable(Type.String()),
  decided_at: Nullable(Type.String()),
  previous_commission_minor: Nullable(Type.Integer()),
});
const TimelineItemDto = Type.Object(
  { kind: Type.String({ description: 'message, detection, listing_event, order, signal or case' }), at: Type.String() },
  { additionalProperties: true },
);

function investigationToDto(i: Investigation) {
  return {
    case_id: i.caseId,
    conversation_id: i.conversationId,
    seller_id: i.sellerId,
    buyer_id: i.buyerId,
    listing_id: i.listingId ?? null,
    open: i.open,
    score: i.score,
    signals: i.signals.map((s) => ({ name: s.name, weight: s.weight, strength: s.strength, contribution: s.contribution, explanation: s.explanation, message_ids: [...s.messageIds], event_ids: [...s.eventIds] })),
    first_contact_at: i.firstContactAt?.toISOString() ?? null,
    outcome: i.outcome ?? null,
    dismiss_reason: i.dismissReason ?? null,
    opened_at: i.openedAt.toISOString(),
    scored_at: i.scoredAt.toISOString(),
  };
}

function investigationListItemToDto(i: InvestigationListItem) {
  return { ...investigationToDto(i), seller_name: i.sellerName ?? null, listing_title: i.listingTitle ?? null };
}

function artefactToDto(a: Artefact) {
  return { evidence_id: a.evidenceId, case_id: a.caseId, type: a.type, declared_by: { type: a.declaredBy.type, id: a.declaredBy.id }, at: a.at.toISOString() };
}

function orderToDto(o: CommissionOrder) {
  return {
    id: o.id,
    case_id: o.caseId,
    seller_id: o.sellerId,
    buyer_ref: o.buyerId,
    listing_id: o.listingId ?? null,
    conversation_id: o.conversationId,
    lead_first_seen_at: o.leadFirstSeenAt.toISOString(),
    sale_date: o.saleDate?.toISOString() ?? null,
    sale_price: { amount_minor: o.priceMinor, currency: o.currency, source: o.priceSource },
    tier: o.tier,
    commission_rate_bps: o.rateBps,
    commission: { amount_minor: o.commissionMinor, currency: o.currency },
    status: o.status,
    due_at: o.dueAt.toISOString(),
    violation_id: o.violationId ?? null,
    notice_email_id: o.noticeEmailId ?? null,
    cancel_reason: o.cancelReason ?? null,
    issued_by: o.issuedBy,
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
  };
}

function disputeToDto(d: CommissionDispute) {
  return {
    case_id: d.caseId,
    commission_order_id: d.commissionOrderId,
    reason: d.reason,
    filed_by: { type: d.filedBy.type, id: d.filedBy.id },
    filed_at: d.filedAt.toISOString(),
    outcome: d.outcome ?? null,
    decided_by: d.decidedBy ?? null,
    decided_at: d.decidedAt?.toISOString() ?? null,
    previous_commission_minor: d.previousCommissionMinor ?? null,
  };
}

function itemToDto(e: EvidenceItem): { kind: string; at: string } & Record<string, unknown> {
  const at = e.at.toISOString();
  switch (e.kind) {
    case 'message':
      return { kind: e.kind, at, id: e.id, sender_role: e.senderRole, body: e.body, verdict: e.verdict ?? null, hits: e.hits.map((h) => ({ ...h })) };
    case 'detection':
      return { kind: e.kind, at, message_id: e.messageId, hit_kind: e.hitKind, value: e.value, rule: e.rule };
    case 'listing_event':
      return { kind: e.kind, at, id: e.id, type: e.type, status: e.status ?? null, price_minor: e.priceMinor ?? null, currency: e.currency ?? null };
    case 'order':
      return { kind: e.kind, at, id: e.id, buyer_id: e.buyerId, listing_id: e.listingId, status: e.status, amount_minor: e.amountMinor, currency: e.currency, between_parties: e.betweenParties };
    case 'signal':
      return { kind: e.kind, at, name: e.name, weight: e.weight, strength: e.strength, contribution: e.contribution, explanation: e.explanation };
    case 'case':
      return { kind: e.kind, at, entry_kind: e.entryKind, actor: { ...e.actor }, data: e.data };
  }
}

/** Off-platform sale investigations and commission orders (`/v1/investigations…`, `/v1/commission-orders…`). */
export function investigationsRoutes(investigations: InvestigationService, opts: { evidenceMaxBytes: number }) {
  const evidenceBodyLimit = 4 * Math.ceil(opts.evidenceMaxBytes / 3) + 64 * 1024;
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['investigations'];

    r.post(
      '/v1/investigations/scan',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary: 'Score stored conversations with detection hits and open or update investigations above INVESTIGATION_THRESHOLD',
          body: Type.Object({ since: Type.Optional(Timestamp) }),
          response: withErrors({ 200: Type.Object({ scanned: Type.Integer(), opened: Type.Integer(), updated: Type.Integer(), reopened: Type.Integer(), below_threshold: Type.Integer() }) }),
        },
      },
      async (request) => {
        const since = request.body.since === undefined ? undefined : new Date(request.body.since);
        const s = await investigations.scan(principalOf(request), { since });
        return { scanned: s.scanned, opened: s.opened, updated: s.updated, reopened: s.reopened, below_threshold: s.belowThreshold };
      },
    );

    r.get(
      '/v1/investigations',
      {
        config: { access: ALL_STAFF },
        schema: {
          tags,
          summary: 'Investigations by score, highest first',
          querystring: Type.Object({
            open: Type.Optional(Type.Boolean()),
            seller_id: Type.Optional(Id),
            min_score: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
            cursor: Type.Optional(Type.String({ maxLength: 512 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          }),
          response: withErrors({ 200: page(InvestigationListDto) }),
        },
      },
      async (request) => {
        const q = request.query;
        const res = await investigations.list(principalOf(request), { open: q.open, sellerId: q.seller_id, minScore: q.min_score, cursor: q.cursor, limit: q.limit });
        return { items: res.items.map(investigationListItemToDto), next_cursor: res.nextCursor ?? null };
      },
    );

    r.get(
      '/v1/investigations/dismissals',
      {
        config: { access: ALL_STAFF },
        schema: { tags, summary: 'Dismissed investigations per reason (what tunes the signal weights)', response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Object({ reason: Type.String(), count: Type.Integer() })) }) }) },
      },
      async (request) => ({ items: await investigations.dismissalStats(principalOf(request)) }),
    );

    r.get(
      '/v1/investigations/:case_id',
      {
        config: { access: ALL_STAFF },
        schema: {
          tags,
          summary: 'An investigation: one evidence timeline of messages with hits, detections, listing and order events, signals and case entries',
          params: Type.Object({ case_id: Id }),
          response: withErrors({
            200: Type.Object({
              ...InvestigationDto.properties,
              case_status: Type.String(),
              listing: Nullable(Type.Object({ id: Type.String(), title: Nullable(Type.String()), price_minor: Nullable(Type.Integer()), currency: Nullable(Type.String()), status: Type.String() })),
              artefacts: Type.Array(ArtefactDto),
              commission_order: Nullable(CommissionOrderDto),
              timeline: Type.Array(TimelineItemDto),
            }),
          }),
        },
      },
      async (request) => {
        const v = await investigations.view(principalOf(request), request.params.case_id);
        const l = v.listing;
        return {
          ...investigationToDto(v.investigation),
          case_status: v.caseStatus,
          listing: l === undefined ? null : { id: l.id, title: l.title ?? null, price_minor: l.priceMinor ?? null, currency: l.currency ?? null, status: l.status },
          artefacts: v.artefacts.map(artefactToDto),
          commission_order: v.commissionOrder === undefined ? null : orderToDto(v.commissionOrder),
          timeline: v.timeline.map(itemToDto),
        };
      },
    );

    r.post(
      '/v1/investigations/:case_id/artefacts',
      {
        config: { access: ALL_STAFF },
        bodyLimit: evidenceBodyLimit,
        schema: {
          tags,
          summary: 'Attach a hard artefact (a file with its declared type) as case evidence',
          params: Type.Object({ case_id: Id }),
          body: Type.Object({
            type: Literals(ARTEFACT_TYPES),
            filename: Type.String({ minLength: 1, maxLength: 255 }),
            content_type: Type.String({ minLength: 3, maxLength: 191 }),
            content_base64: Type.String({ minLength: 1, maxLength: evidenceBodyLimit }),
          }),
          response: withErrors({ 201: ArtefactDto }),
        },
      },
      async (request, reply) => {
        const b = request.body;
        if (b.content_base64.length % 4 !== 0 || !BASE64.test(b.content_base64)) {
          throw invalidInput('content_base64 is not base64', [{ field: '/content_base64', reason: 'must be standard base64 (RFC 4648 §4) with padding' }]);
        }
        const a = await investigations.addArtefact(principalOf(request), request.params.case_id, { type: b.type, filename: b.filename, contentType: b.content_type, bytes: Buffer.from(b.content_base64, 'base64') });
        return reply.code(201).send(artefactToDto(a));
      },
    );

    r.post(
      '/v1/investigations/:case_id/confirm',
      {
        config: { access: SENIORS },
        schema: {
          tags,
          summary: 'Confirm an off-platform sale (needs a hard artefact) and issue its commission order, exactly once; a repeat with the same Idempotency-Key returns it (200)',
          params: Type.Object({ case_id: Id }),
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
          body: Type.Object({
            note: Type.String({ minLength: 1, maxLength: 10_000, description: 'the statement of reasons' }),
            price: Type.Optional(
              Type.Object({
                amount_minor: Type.Integer({ minimum: 1 }),
                currency: Type.String({ minLength: 3, maxLength: 3 }),
                source: Literals(['admission', 'invoice']),
              }),
            ),
            sale_date: Type.Optional(Timestamp),
          }),
          response: withErrors({ 200: CommissionOrderDto, 201: CommissionOrderDto }),
        },
      },
      async (request, reply) => {
        const b = request.body;
        const { created, order } = await investigations.confirm(principalOf(request), request.params.case_id, {
          note: b.note,
          price: b.price === undefined ? undefined : { amountMinor: b.price.amount_minor, currency: b.price.currency, source: b.price.source as 'admission' | 'invoice' },
          saleDate: b.sale_date === undefined ? undefined : new Date(b.sale_date),
          idempotencyKey: request.headers['idempotency-key'],
        });
        return reply.code(created ? 201 : 200).send(orderToDto(order));
      },
    );

    r.post(
      '/v1/investigations/:case_id/dismiss',
      {
        config: { access: ALL_STAFF },
        schema: {
          tags,
          summary: 'Close an investigation without a finding, with a reason code (counted to tune the signals)',
          params: Type.Object({ case_id: Id }),
          body: Type.Object({ reason: Literals(DISMISS_REASONS), note: Type.String({ minLength: 1, maxLength: 10_000 }) }),
          response: withErrors({ 200: InvestigationDto }),
        },
      },
      async (request) => investigationToDto(await investigations.dismiss(principalOf(request), request.params.case_id, request.body)),
    );

    r.get(
      '/v1/commission-orders',
      {
        config: { access: SELLER_CHANNEL },
        schema: {
          tags,
          summary: 'Commission orders, newest first',
          querystring: Type.Object({ seller_id: Type.Optional(Id), status: Type.Optional(Type.String({ maxLength: 32 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
          response: withErrors({ 200: Type.Object({ items: Type.Array(CommissionOrderDto) }) }),
        },
      },
      async (request) => ({ items: (await investigations.listOrders(principalOf(request), { sellerId: request.query.seller_id, status: request.query.status, limit: request.query.limit })).map(orderToDto) }),
    );

    r.get(
      '/v1/commission-orders/:id',
      {
        config: { access: SELLER_CHANNEL },
        schema: { tags, summary: 'A commission order with its disputes', params: Type.Object({ id: Id }), response: withErrors({ 200: Type.Object({ ...CommissionOrderDto.properties, disputes: Type.Array(DisputeDto) }) }) },
      },
      async (request) => {
        const d = await investigations.getOrder(principalOf(request), request.params.id);
        return { ...orderToDto(d.order), disputes: d.disputes.map(disputeToDto) };
      },
    );

    r.post(
      '/v1/commission-orders/:id/settlement',
      {
        config: { access: ['integration', 'manager', 'admin'] },
        schema: {
          tags,
          summary: 'Report how an issued or confirmed order ended: collected or written off',
          params: Type.Object({ id: Id }),
          body: Type.Object({ outcome: Literals(['collected', 'written_off']), note: Type.Optional(Type.String({ maxLength: 2000 })) }),
          response: withErrors({ 200: CommissionOrderDto }),
        },
      },
      async (request) => orderToDto(await investigations.settle(principalOf(request), request.params.id, request.body)),
    );

    r.post(
      '/v1/commission-orders/:id/disputes',
      {
        config: { access: SELLER_CHANNEL },
        schema: {
          tags,
          summary: "The seller's dispute of a commission order (opens a commission_dispute case for a senior)",
          params: Type.Object({ id: Id }),
          body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 10_000 }) }),
          response: withErrors({ 201: Type.Object({ dispute: DisputeDto, commission_order: CommissionOrderDto }) }),
        },
      },
      async (request, reply) => {
        const d = await investigations.fileDispute(principalOf(request), request.params.id, request.body);
        return reply.code(201).send({ dispute: disputeToDto(d.dispute), commission_order: orderToDto(d.order) });
      },
    );

    r.post(
      '/v1/commission-orders/:id/disputes/:case_id/decision',
      {
        config: { access: SENIORS },
        schema: {
          tags,
          summary: 'Decide a dispute: upheld, adjusted (documented price; documents attached to the dispute case) or cancelled',
          params: Type.Object({ id: Id, case_id: Id }),
          body: Type.Object({
            decision: Literals(DISPUTE_OUTCOMES),
            note: Type.String({ minLength: 1, maxLength: 10_000 }),
            price_minor: Type.Optional(Type.Integer({ minimum: 1, description: 'adjusted: the documented sale price in minor units' })),
          }),
          response: withErrors({ 200: Type.Object({ dispute: DisputeDto, commission_order: CommissionOrderDto }) }),
        },
      },
      async (request) => {
        const b = request.body;
        const d = await investigations.decideDispute(principalOf(request), request.params.id, request.params.case_id, { decision: b.decision, note: b.note, priceMinor: b.price_minor });
        return { dispute: disputeToDto(d.dispute), commission_order: orderToDto(d.order) };
      },
    );
  };
}
