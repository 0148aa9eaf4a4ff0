import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The scored side of an `investigation` case: the conversation it is about, its signals and score.
 * At most one open row per conversation (partial unique index), so a re-scan or a concurrent ingest
 * updates the open investigation instead of opening another.
 */
export const investigations = pgTable(
  'investigations',
  {
    caseId: text('case_id').primaryKey(),
    conversationId: text('conversation_id').notNull(),
    sellerId: text('seller_id').notNull(),
    buyerId: text('buyer_id').notNull(),
    listingId: text('listing_id'),
    open: boolean('open').notNull(),
    score: real('score').notNull(),
    /** The signals as last computed, with weights, contributions and explanations. */
    signals: jsonb('signals').notNull(),
    firstContactAt: tstz('first_contact_at'),
    /** confirmed | dismissed once decided. */
    outcome: text('outcome'),
    /** Why an investigation was dismissed: feeds the tuning of the signals. */
    dismissReason: text('dismiss_reason'),
    openedAt: tstz('opened_at').notNull(),
    scoredAt: tstz('scored_at').notNull(),
  },
  (t) => [
    uniqueIndex('investigations_one_open_idx').on(t.conversationId).where(sql`${t.open}`),
    index('investigations_seller_idx').on(t.sellerId),
    index('investigations_buyer_idx').on(t.buyerId),
    index('investigations_score_idx').on(t.open, t.score),
  ],
);

/** What kind of hard artefact a piece of case evidence is (DOMAIN §5.3). */
export const investigationArtefacts = pgTable(
  'investigation_artefacts',
  {
    evidenceId: text('evidence_id').primaryKey(),
    caseId: text('case_id').notNull(),
    /** seller_admission | buyer_confirmation | invoice | payment_proof | shipment_record */
    artefactType: text('artefact_type').notNull(),
    declaredByType: text('declared_by_type').notNull(),
    declaredById: text('declared_by_id').notNull(),
    at: tstz('at').notNull(),
  },
  (t) => [index('investigation_artefacts_case_idx').on(t.caseId)],
);

/**
 * A commission order for a confirmed off-platform sale (DOMAIN §5.5). One per investigation case:
 * the unique `case_id` makes two concurrent confirmations produce one order.
 */
export const commissionOrders = pgTable(
  'commission_orders',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    sellerId: text('seller_id').notNull(),
    buyerId: text('buyer_id').notNull(),
    listingId: text('listing_id'),
    conversationId: text('conversation_id').notNull(),
    leadFirstSeenAt: tstz('lead_first_seen_at').notNull(),
    saleDate: tstz('sale_date'),
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** admission | invoice | listing_price */
    priceSource: text('price_source').notNull(),
    tier: text('tier').notNull(),
    rateBps: integer('rate_bps').notNull(),
    commissionMinor: bigint('commission_minor', { mode: 'number' }).notNull(),
    /** issued | disputed | confirmed | cancelled | collected | written_off */
    status: text('status').notNull(),
    dueAt: tstz('due_at').notNull(),
    violationId: text('violation_id'),
    noticeEmailId: text('notice_email_id'),
    cancelReason: text('cancel_reason'),
    idempotencyKey: text('idempotency_key'),
    issuedBy: text('issued_by').notNull(),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('commission_orders_case_idx').on(t.caseId),
    uniqueIndex('commission_orders_idempotency_idx').on(t.idempotencyKey),
    index('commission_orders_listing_buyer_idx').on(t.listingId, t.buyerId),
    index('commission_orders_seller_idx').on(t.sellerId),
    index('commission_orders_created_idx').on(t.createdAt),
  ],
);

/** A seller's dispute of a commission order: a `commission_dispute` case and its outcome. */
export const commissionDisputes = pgTable(
  'commission_disputes',
  {
    caseId: text('case_id').primaryKey(),
    commissionOrderId: text('commission_order_id').notNull(),
    reason: text('reason').notNull(),
    filedByType: text('filed_by_type').notNull(),
    filedById: text('filed_by_id').notNull(),
    filedAt: tstz('filed_at').notNull(),
    /** upheld | adjusted | cancelled */
    outcome: text('outcome'),
    decidedBy: text('decided_by'),
    decidedAt: tstz('decided_at'),
    previousCommissionMinor: bigint('previous_commission_minor', { mode: 'number' }),
  },
  (t) => [
    index('commission_disputes_order_idx').on(t.commissionOrderId),
    uniqueIndex('commission_disputes_one_open_idx').on(t.commissionOrderId).where(sql`${t.outcome} IS NULL`),
  ],
);
