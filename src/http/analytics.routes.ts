import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalActor } from '../identity';
import { OPERATIONS_MAX_DAYS, type AnalyticsService, type AppealCount, type AutomationCount, type CandidateConversation, type CommissionLine, type MetricPosition, type OperationsReport, type RefreshInfo, type SellerScore, type VerdictCount } from '../analytics';
import { principalOf } from './auth.plugin';
import { CursorQuery, Id, withErrors } from './schemas';

/** Staff read the report (it names sellers and buyers); vendor reviewers and integrations do not. */
const READERS = ['admin', 'manager', 'senior', 'agent', 'legal'] as const;
const REFRESHERS = ['admin', 'manager'] as const;
/** The operations report is the dashboard's: managers, admins, seniors and legal. */
const OPERATIONS_READERS = ['admin', 'manager', 'senior', 'legal'] as const;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const MetricDto = Type.Object({
  rate: Type.Number({ description: "the seller's own rate, 0..1" }),
  percentile: Type.Number({ description: '0..100 among the peers' }),
  z: Type.Number({ description: 'standard deviations from the peers’ mean (clipped to ±6)' }),
});
const SellerDto = Type.Object({
  seller_id: Type.String(),
  rank: Type.Integer(),
  name: Nullable(Type.String()),
  country: Nullable(Type.String()),
  category: Nullable(Type.String({ description: "the category most of the seller's listings are in" })),
  peer_group: Type.Object({ level: Type.String({ description: 'category_country, category or all' }), size: Type.Integer() }),
  conversations: Type.Integer(),
  converted: Type.Integer(),
  contact_conversations: Type.Integer(),
  vanished_listings: Type.Integer({ description: 'listings sold, removed or put on hold soon after a contact exchange with no order between the two' }),
  conversion: MetricDto,
  contact_share: MetricDto,
  vanished_rate: MetricDto,
  risk_score: Type.Number(),
  candidate: Type.Boolean(),
});
const RefreshDto = Type.Object({
  refreshed_at: Type.String(),
  window_from: Type.String(),
  window_to: Type.String(),
  window_days: Type.Integer(),
  status_change_days: Type.Integer(),
  conversion_days: Type.Integer(),
  facts_updated: Type.Integer(),
  sellers: Type.Integer(),
  duration_ms: Type.Integer(),
});
const ConversationDto = Type.Object({
  conversation_id: Type.String(),
  buyer_id: Type.String(),
  listing_id: Nullable(Type.String()),
  first_message_at: Nullable(Type.String()),
  last_message_at: Nullable(Type.String()),
  contact_at: Type.String(),
  contact_message_id: Nullable(Type.String()),
  contact_kinds: Type.Array(Type.String()),
  listing_status: Nullable(Type.String()),
  status_changed_at: Nullable(Type.String()),
  orders_between: Type.Integer(),
  score: Type.Number(),
  signals: Type.Array(Type.String()),
});

const Count = Type.Integer({ minimum: 0 });
const TallyDto = (what: string) => Type.Record(Type.String(), Count, { description: `count per ${what}; only the ones that occurred` });
const VerdictDto = Type.Object({ total: Count, clear: Count, review: Count, violation: Count, unscanned: Count });
const AutomationDto = Type.Object({
  auto_cleared: Type.Integer({ description: 'flagged messages scoring below the auto-clear threshold: cleared with no case' }),
  automatic_violations: Type.Integer({ description: 'review cases decided as violations by an automatic rule' }),
  human_decisions: Type.Integer({ description: 'review cases a person decided (violation or no violation)' }),
  escalations: Type.Integer({ description: 'escalations and vendor recommendations waiting for a senior' }),
  rate: Nullable(Type.Number({ description: '(auto_cleared + automatic_violations) / (those + human_decisions); null when nothing was settled' })),
});
const AppealsDto = Type.Object({ filed: Count, upheld: Count, overturned: Count, withdrawn: Count, pending: Count });
const CommissionLineDto = Type.Object({
  status: Type.String(),
  currency: Type.String(),
  count: Count,
  commission_minor: Type.Integer({ description: 'sum of the commissions, minor units of the currency' }),
  sale_minor: Type.Integer({ description: 'sum of the sale prices, minor units of the currency' }),
});
const OperationsDto = Type.Object({
  from: Type.String({ description: 'first day, UTC' }),
  to: Type.String({ description: 'last day (included), UTC' }),
  bucket: Type.String({ description: 'day or week (ISO weeks, from Monday)' }),
  generated_at: Type.String(),
  buckets: Type.Array(
    Type.Object({
      start: Type.String({ description: 'first day of the bucket; a week may start before from, but counts only from it' }),
      messages: VerdictDto,
      automation: AutomationDto,
      cases_opened: TallyDto('case type'),
      cases_closed: TallyDto('case type'),
      notices: TallyDto('notice kind'),
      appeals: AppealsDto,
      commission_orders: TallyDto('order status'),
    }),
  ),
  totals: Type.Object({
    messages: VerdictDto,
    automation: AutomationDto,
    cases_opened: TallyDto('case type'),
    cases_closed: TallyDto('case type'),
    notices: Type.Array(Type.Object({ kind: Type.String(), step: Nullable(Type.Integer({ description: 'index on the ladder (0 = first step); null for appeal notices' })), count: Count })),
    appeals: AppealsDto,
    commission_orders: Type.Array(CommissionLineDto),
  }),
  now: Type.Object({
    open_cases: TallyDto('case type'),
    open_investigations: Count,
    high_score_investigations: Type.Integer({ description: 'open investigations scoring 0.8 or more' }),
    outstanding_orders: Type.Array(CommissionLineDto, { description: 'commission orders issued, disputed or confirmed, whenever issued' }),
    emails: TallyDto('delivery state'),
  }),
});
const OperationsQueryDto = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 40, description: 'first day, YYYY-MM-DD (UTC); default 29 days before to' })),
  to: Type.Optional(Type.String({ maxLength: 40, description: 'last day, YYYY-MM-DD (UTC), included; default today' })),
  bucket: Type.Optional(Type.String({ maxLength: 10, description: 'day (default) or week' })),
});

const verdictToDto = (v: VerdictCount) => ({ total: v.total, clear: v.clear, review: v.review, violation: v.violation, unscanned: v.unscanned });
const automationToDto = (a: AutomationCount) => ({ auto_cleared: a.autoCleared, automatic_violations: a.automaticViolations, human_decisions: a.humanDecisions, escalations: a.escalations, rate: a.rate ?? null });
const appealsToDto = (a: AppealCount) => ({ filed: a.filed, upheld: a.upheld, overturned: a.overturned, withdrawn: a.withdrawn, pending: a.pending });
const lineToDto = (l: CommissionLine) => ({ status: l.status, currency: l.currency, count: l.count, commission_minor: l.commissionMinor, sale_minor: l.saleMinor });

export function operationsToDto(r: OperationsReport) {
  return {
    from: r.from,
    to: r.to,
    bucket: r.bucket,
    generated_at: r.generatedAt.toISOString(),
    buckets: r.buckets.map((b) => ({
      start: b.start,
      messages: verdictToDto(b.messages),
      automation: automationToDto(b.automation),
      cases_opened: { ...b.casesOpened },
      cases_closed: { ...b.casesClosed },
      notices: { ...b.notices },
      appeals: appealsToDto(b.appeals),
      commission_orders: { ...b.commissionOrders },
    })),
    totals: {
      messages: verdictToDto(r.totals.messages),
      automation: automationToDto(r.totals.automation),
      cases_opened: { ...r.totals.casesOpened },
      cases_closed: { ...r.totals.casesClosed },
      notices: r.totals.notices.map((n) => ({ kind: n.kind, step: n.step ?? null, count: n.count })),
      appeals: appealsToDto(r.totals.appeals),
      commission_orders: r.totals.commissionOrders.map(lineToDto),
    },
    now: {
      open_cases: { ...r.now.openCases },
      open_investigations: r.now.openInvestigations,
      high_score_investigations: r.now.highScoreInvestigations,
      outstanding_orders: r.now.outstandingOrders.map(lineToDto),
      emails: { ...r.now.emails },
    },
  };
}

const metricToDto = (m: MetricPosition) => ({ rate: m.rate, percentile: m.percentile, z: m.z });
const isoOrNull = (d: Date | undefined) => (d === undefined ? null : d.toISOString());

export function sellerScoreToDto(s: SellerScore) {
  return {
    seller_id: s.sellerId,
    rank: s.rank,
    name: s.name ?? null,
    country: s.country ?? null,
    category: s.category ?? null,
    peer_group: { level: s.peerLevel, size: s.peerSize },
    conversations: s.conversations,
    converted: s.converted,
    contact_conversations: s.contactConversations,
    vanished_listings: s.vanishedListings,
    conversion: metricToDto(s.conversion),
    contact_share: metricToDto(s.contactShare),
    vanished_rate: metricToDto(s.vanished),
    risk_score: s.riskScore,
    candidate: s.candidate,
  };
}

export function refreshToDto(r: RefreshInfo) {
  return {
    refreshed_at: r.refreshedAt.toISOString(),
    window_from: r.windowFrom.toISOString(),
    window_to: r.windowTo.toISOString(),
    window_days: r.windowDays,
    status_change_days: r.statusChangeDays,
    conversion_days: r.conversionDays,
    facts_updated: r.factsUpdated,
    sellers: r.sellers,
    duration_ms: r.durationMs,
  };
}

export function candidateConversationToDto(c: CandidateConversation) {
  return {
    conversation_id: c.conversationId,
    buyer_id: c.buyerId,
    listing_id: c.listingId ?? null,
    first_message_at: isoOrNull(c.firstMessageAt),
    last_message_at: isoOrNull(c.lastMessageAt),
    contact_at: c.contactAt.toISOString(),
    contact_message_id: c.contactMessageId ?? null,
    contact_kinds: [...c.contactKinds],
    listing_status: c.listingStatus ?? null,
    status_changed_at: isoOrNull(c.statusChangedAt),
    orders_between: c.ordersBetween,
    score: c.score,
    signals: [...c.signals],
  };
}

/** Off-platform analytics: the ranked sellers, one seller with its conversations, and the refresh. */
export function analyticsRoutes(analytics: AnalyticsService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/v1/analytics/off-platform/sellers',
      {
        config: { access: READERS },
        schema: {
          tags: ['analytics'],
          summary: 'Sellers ranked by off-platform risk as of the last refresh, with their rates against their peers',
          querystring: CursorQuery,
          response: withErrors({ 200: Type.Object({ refresh: Nullable(RefreshDto), items: Type.Array(SellerDto), next_cursor: Nullable(Type.String()) }) }),
        },
      },
      async (request) => {
        const p = await analytics.listSellers(principalOf(request), { limit: request.query.limit, cursor: request.query.cursor });
        return { refresh: p.refresh === undefined ? null : refreshToDto(p.refresh), items: p.items.map(sellerScoreToDto), next_cursor: p.nextCursor ?? null };
      },
    );

    r.get(
      '/v1/analytics/off-platform/sellers/:id',
      {
        config: { access: READERS },
        schema: {
          tags: ['analytics'],
          summary: "One seller's off-platform scores and its contact conversations, most suspicious first, with the signals behind each",
          params: Type.Object({ id: Id }),
          response: withErrors({ 200: Type.Object({ refresh: Nullable(RefreshDto), seller: SellerDto, conversations: Type.Array(ConversationDto) }) }),
        },
      },
      async (request) => {
        const s = await analytics.seller(principalOf(request), request.params.id);
        return { refresh: s.refresh === undefined ? null : refreshToDto(s.refresh), seller: sellerScoreToDto(s.seller), conversations: s.conversations.map(candidateConversationToDto) };
      },
    );

    r.get(
      '/v1/analytics/operations',
      {
        config: { access: OPERATIONS_READERS },
        schema: {
          tags: ['analytics'],
          summary: 'Operations over a period, per day or week with totals: messages by verdict, automation, cases opened and closed, notices, appeals, commission orders; and what is open now',
          description: `Days are UTC; from and to are both included, at most ${OPERATIONS_MAX_DAYS} days apart. Rule precision is at /v1/rules/precision.`,
          querystring: OperationsQueryDto,
          response: withErrors({ 200: OperationsDto }),
        },
      },
      async (request) => operationsToDto(await analytics.operations(principalOf(request), request.query)),
    );

    r.post(
      '/v1/analytics/refresh',
      {
        config: { access: REFRESHERS },
        schema: {
          tags: ['analytics'],
          summary: 'Bring the off-platform report up to date (incremental unless full; waits for a refresh already running)',
          body: Type.Optional(
            Type.Object(
              {
                window_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3660, description: 'days of conversations, ending now (default 180)' })),
                status_change_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'days after a contact exchange in which a listing status change counts (default 14)' })),
                conversion_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'days after the first message in which an order is a conversion (default 30)' })),
                full: Type.Optional(Type.Boolean({ description: 'recompute every conversation (after a re-scan changed stored scans)' })),
              },
              { additionalProperties: false },
            ),
          ),
          response: withErrors({ 200: RefreshDto }),
        },
      },
      async (request) => {
        const b = request.body ?? {};
        const info = await analytics.refresh(principalActor(principalOf(request)), {
          windowDays: b.window_days,
          statusChangeDays: b.status_change_days,
          conversionDays: b.conversion_days,
          full: b.full,
        });
        return refreshToDto(info);
      },
    );
  };
}
