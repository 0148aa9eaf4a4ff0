import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalActor } from '../identity';
import {
  SELLER_STATUSES,
  STAFF_ROLES,
  type BatchReport,
  type CommissionRate,
  type Conversation,
  type IngestKind,
  type Listing,
  type ListingHistoryEntry,
  type MarketplaceService,
  type Message,
  type Seller,
} from '../marketplace';
import { principalOf } from './auth.plugin';
import { HitDto } from './scan.routes';
import { CursorQuery, Id, page, withErrors } from './schemas';

const INGEST_ROLES = ['integration', 'admin'] as const;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();
const NStr = Nullable(Type.String());

const ItemResultDto = Type.Object({
  index: Type.Integer(),
  id: Type.Optional(Type.String()),
  status: Type.Union(['stored', 'updated', 'duplicate', 'stale', 'conflict', 'rejected'].map((s) => Type.Literal(s))),
  reason: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), reason: Type.String() }))),
});

const BatchReportDto = Type.Object({
  batch_id: Str,
  kind: Str,
  received: Type.Integer(),
  stored: Type.Integer(),
  updated: Type.Integer(),
  duplicates: Type.Integer(),
  stale: Type.Integer(),
  conflicts: Type.Integer(),
  rejected: Type.Integer(),
  items: Type.Array(ItemResultDto),
});

const ConversationDto = Type.Object({
  id: Str,
  buyer_id: Str,
  seller_id: Str,
  listing_id: NStr,
  first_message_at: NStr,
  last_message_at: NStr,
  message_count: Type.Integer(),
  created_at: Str,
});

const MessageDto = Type.Object({
  id: Str,
  conversation_id: Str,
  sender_role: Str,
  body: Str,
  sent_at: Str,
  lang: NStr,
  received_at: Str,
  scan: Type.Unknown({ description: 'Detection result (the scan contract shape, plus `historical: true` for a message older than the enforcement cutoff when it was scanned), null until scanned' }),
  rule_set_version: NStr,
  verdict: Nullable(Type.Union([Type.Literal('clear'), Type.Literal('review'), Type.Literal('violation')], { description: 'from the stored scan; null until scanned' })),
  hits: Type.Array(HitDto, { description: 'what detection found in `body` (UTF-16 offsets), to highlight; empty until scanned' }),
});

const SellerDto = Type.Object({
  id: Str,
  known: Type.Boolean({ description: 'false for a placeholder created from a reference before the marketplace synced the seller' }),
  name: NStr,
  email: NStr,
  country: NStr,
  time_zone: NStr,
  languages: Type.Array(Str),
  tier: NStr,
  commission_rate_bps: Nullable(Type.Integer()),
  status: Str,
  source_updated_at: NStr,
  created_at: Str,
  updated_at: Str,
});

const CommissionRateDto = Type.Object({ tier: Str, rate_bps: Type.Integer(), effective_from: Str });

const ListingDto = Type.Object({
  id: Str,
  known: Type.Boolean(),
  seller_id: NStr,
  title: NStr,
  category: NStr,
  price_minor: Nullable(Type.Integer()),
  currency: NStr,
  status: Str,
  period: NStr,
  materials: NStr,
  dimensions: NStr,
  listed_at: NStr,
  source_updated_at: NStr,
  status_changed_at: NStr,
  price_changed_at: NStr,
});

const ListingHistoryDto = Type.Object({
  id: Str,
  type: Str,
  status: NStr,
  price_minor: Nullable(Type.Integer()),
  currency: NStr,
  occurred_at: Str,
  source: Str,
});

const isoOrNull = (d: Date | undefined): string | null => (d === undefined ? null : d.toISOString());

export function conversationToDto(c: Conversation) {
  return {
    id: c.id,
    buyer_id: c.buyerId,
    seller_id: c.sellerId,
    listing_id: c.listingId ?? null,
    first_message_at: isoOrNull(c.firstMessageAt),
    last_message_at: isoOrNull(c.lastMessageAt),
    message_count: c.messageCount,
    created_at: c.createdAt.toISOString(),
  };
}

export function messageToDto(m: Message) {
  return {
    id: m.id,
    conversation_id: m.conversationId,
    sender_role: m.senderRole,
    body: m.body,
    sent_at: m.sentAt.toISOString(),
    lang: m.lang ?? null,
    received_at: m.receivedAt.toISOString(),
    scan: m.scan ?? null,
    rule_set_version: m.ruleSetVersion ?? null,
    verdict: m.scan?.verdict ?? null,
    hits: m.scan?.hits ?? [],
  };
}

export function sellerToDto(s: Seller) {
  return {
    id: s.id,
    known: s.known,
    name: s.name ?? null,
    email: s.email ?? null,
    country: s.country ?? null,
    time_zone: s.timeZone ?? null,
    languages: [...s.languages],
    tier: s.tier ?? null,
    commission_rate_bps: s.commissionRateBps ?? null,
    status: s.status,
    source_updated_at: isoOrNull(s.sourceUpdatedAt),
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}

function rateToDto(r: CommissionRate) {
  return { tier: r.tier, rate_bps: r.rateBps, effective_from: r.effectiveFrom.toISOString() };
}

export function listingToDto(l: Listing) {
  return {
    id: l.id,
    known: l.known,
    seller_id: l.sellerId ?? null,
    title: l.title ?? null,
    category: l.category ?? null,
    price_minor: l.priceMinor ?? null,
    currency: l.currency ?? null,
    status: l.status,
    period: l.period ?? null,
    materials: l.materials ?? null,
    dimensions: l.dimensions ?? null,
    listed_at: isoOrNull(l.listedAt),
    source_updated_at: isoOrNull(l.sourceUpdatedAt),
    status_changed_at: isoOrNull(l.statusChangedAt),
    price_changed_at: isoOrNull(l.priceChangedAt),
  };
}

function historyToDto(h: ListingHistoryEntry) {
  return { id: h.id, type: h.type, status: h.status ?? null, price_minor: h.priceMinor ?? null, currency: h.currency ?? null, occurred_at: h.occurredAt.toISOString(), source: h.source };
}

function reportToDto(r: BatchReport) {
  return r;
}

const BATCH_DOCS: Record<IngestKind, { path: string; summary: string; item: string }> = {
  messages: {
    path: '/v1/messages::batch',
    summary: 'Ingest buyer–seller messages (idempotent on the message id)',
    item:
      '`{ id, conversation_id, buyer_id, seller_id, listing_id?, sender_role: buyer|seller, body (≤ 20,000 chars), sent_at (ISO 8601), lang? }`. ' +
      'A repeated id with the same body is a `duplicate`; with a different body a `conflict` (`message.id_reused`). ' +
      'Conversations, buyers, sellers and listings referenced for the first time are created from the refs.',
  },
  events: {
    path: '/v1/events::batch',
    summary: 'Ingest listing and order events (idempotent on the event id)',
    item:
      '`{ id, type: listing.status_changed, occurred_at, listing_id, status }`, `{ id, type: listing.price_changed, occurred_at, listing_id, price_minor, currency }`, ' +
      '`{ id, type: order.created, occurred_at, order_id, listing_id, buyer_id, seller_id, amount_minor, currency }`, `{ id, type: order.cancelled|order.refunded, occurred_at, order_id }`. ' +
      'Events apply by their own `occurred_at`, so late and out-of-order events end at the latest state; a cancel or refund that arrives before its order is kept and applied when the order arrives.',
  },
  sellers: {
    path: '/v1/sellers::batch',
    summary: 'Upsert sellers (dealers); a version older than the one held is ignored as `stale`',
    item:
      '`{ id, name, email?, country (ISO 3166-1 alpha-2), time_zone (IANA), languages: [BCP 47], tier, commission_rate_bps (0–10000), status: active|suspended|closed, updated_at }`. ' +
      'A change of tier or rate is added to the seller\'s commission-rate history at `updated_at`.',
  },
  buyers: {
    path: '/v1/buyers::batch',
    summary: 'Upsert buyers; a version older than the one held is ignored as `stale`',
    item: '`{ id, name, email?, country?, updated_at }`.',
  },
  listings: {
    path: '/v1/listings::batch',
    summary: 'Upsert listings; a version older than the one held is ignored as `stale`',
    item:
      '`{ id, seller_id, title, category: furniture|lighting|art|jewelry|watches|other, price_minor, currency, status: active|on_hold|sold|removed, period?, materials?, dimensions?, created_at?, updated_at }`. ' +
      'Status and price follow the newest observation, sync or event.',
  },
};

export interface MarketplaceRoutesOptions {
  /** Most items one batch may carry (config `BATCH_MAX_ITEMS`). */
  readonly batchMaxItems: number;
}

/**
 * Marketplace ingest (batch upserts from the marketplace's integration) and staff reads.
 * Batch endpoints answer 200 with a per-item report even when some items were refused: the batch as
 * a whole was processed; look at each item's `status`. Whole-request problems (not JSON, too many
 * items, no `items` array) are 400 problem+json.
 */
export function marketplaceRoutes(marketplace: MarketplaceService, opts: MarketplaceRoutesOptions) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    for (const [kind, doc] of Object.entries(BATCH_DOCS) as [IngestKind, (typeof BATCH_DOCS)[IngestKind]][]) {
      r.post(
        doc.path,
        {
          config: { access: INGEST_ROLES },
          schema: {
            tags: ['ingest'],
            summary: doc.summary,
            description:
              `Body \`{ items: [...] }\` with at most ${opts.batchMaxItems} items, each validated on its own; a bad item is reported with its index, field and reason while the good ones are stored. ` +
              `Answers 200 with one result per item (\`stored\`, \`updated\`, \`duplicate\`, \`stale\`, \`conflict\` or \`rejected\`). Item: ${doc.item}`,
            body: Type.Object({
              items: Type.Array(Type.Unknown({ description: doc.item }), { maxItems: opts.batchMaxItems }),
            }),
            response: withErrors({ 200: BatchReportDto }),
          },
        },
        async (request) => reportToDto(await marketplace.ingestBatch(principalActor(principalOf(request)), kind, request.body.items)),
      );
    }

    r.get(
      '/v1/conversations',
      {
        config: { access: STAFF_ROLES },
        schema: {
          tags: ['marketplace'],
          summary: 'List conversations, most recently active first',
          querystring: Type.Intersect([CursorQuery, Type.Object({ seller_id: Type.Optional(Id), buyer_id: Type.Optional(Id), listing_id: Type.Optional(Id) })]),
          response: withErrors({ 200: page(ConversationDto) }),
        },
      },
      async (request) => {
        const q = request.query;
        const res = await marketplace.listConversations(principalOf(request), {
          sellerId: q.seller_id,
          buyerId: q.buyer_id,
          listingId: q.listing_id,
          cursor: q.cursor,
          limit: q.limit,
        });
        return { items: res.items.map(conversationToDto), next_cursor: res.nextCursor ?? null };
      },
    );

    r.get(
      '/v1/conversations/:id',
      {
        config: { access: STAFF_ROLES },
        schema: {
          tags: ['marketplace'],
          summary: 'A conversation with its messages in order (the read is logged)',
          params: Type.Object({ id: Id }),
          response: withErrors({ 200: Type.Intersect([ConversationDto, Type.Object({ messages: Type.Array(MessageDto) })]) }),
        },
      },
      async (request) => {
        const res = await marketplace.getConversation(principalOf(request), request.params.id);
        return { ...conversationToDto(res.conversation), messages: res.messages.map(messageToDto) };
      },
    );

    r.get(
      '/v1/sellers',
      {
        config: { access: STAFF_ROLES },
        schema: {
          tags: ['marketplace'],
          summary: 'List sellers by id',
          querystring: Type.Intersect([
            CursorQuery,
            Type.Object({
              country: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
              status: Type.Optional(Type.Union(SELLER_STATUSES.map((s) => Type.Literal(s)))),
              tier: Type.Optional(Type.String({ maxLength: 40 })),
            }),
          ]),
          response: withErrors({ 200: page(SellerDto) }),
        },
      },
      async (request) => {
        const q = request.query;
        const res = await marketplace.listSellers(principalOf(request), {
          country: q.country?.toUpperCase(),
          status: q.status,
          tier: q.tier,
          cursor: q.cursor,
          limit: q.limit,
        });
        return { items: res.items.map(sellerToDto), next_cursor: res.nextCursor ?? null };
      },
    );

    r.get(
      '/v1/sellers/:id',
      {
        config: { access: STAFF_ROLES },
        schema: {
          tags: ['marketplace'],
          summary: 'A seller with its commission-rate history',
          params: Type.Object({ id: Id }),
          response: withErrors({ 200: Type.Intersect([SellerDto, Type.Object({ commission_rates: Type.Array(CommissionRateDto) })]) }),
        },
      },
      async (request) => {
        const res = await marketplace.getSeller(principalOf(request), request.params.id);
        return { ...sellerToDto(res.seller), commission_rates: res.commissionRates.map(rateToDto) };
      },
    );

    r.get(
      '/v1/listings/:id',
      {
        config: { access: STAFF_ROLES },
        schema: {
          tags: ['marketplace'],
          summary: 'A listing with its status and price history',
          params: Type.Object({ id: Id }),
          response: withErrors({ 200: Type.Intersect([ListingDto, Type.Object({ history: Type.Array(ListingHistoryDto) })]) }),
        },
      },
      async (request) => {
        const res = await marketplace.getListing(principalOf(request), request.params.id);
        return { ...listingToDto(res.listing), history: res.history.map(historyToDto) };
      },
    );
  };
}
