import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalActor } from '../identity';
import type { AnalyticsService, CandidateConversation, MetricPosition, RefreshInfo, SellerScore } from '../analytics';
import { principalOf } from './auth.plugin';
import { CursorQuery, Id, withErrors } from './schemas';

/** Staff read the report (it names sellers and buyers); vendor reviewers and integrations do not. */
const READERS = ['admin', 'manager', 'senior', 'agent', 'legal'] as const;
const REFRESHERS = ['admin', 'manager'] as const;

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
