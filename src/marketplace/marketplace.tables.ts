import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/*
 * The marketplace's data as Assay knows it. Primary keys are the marketplace's own ids: Assay serves
 * one marketplace, and every reference that arrives through ingest is by marketplace id.
 *
 * A row whose `source_updated_at` is NULL is a placeholder: it was created from a reference in a
 * message or event before the marketplace synced the record itself; the sync fills it in later.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const sellers = pgTable(
  'sellers',
  {
    id: text('id').primaryKey(),
    name: text('name'),
    email: text('email'),
    /** ISO 3166-1 alpha-2. */
    country: text('country'),
    /** IANA time zone, e.g. `Europe/Paris`. */
    timeZone: text('time_zone'),
    languages: jsonb('languages').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    tier: text('tier'),
    commissionRateBps: integer('commission_rate_bps'),
    /** active | suspended | closed */
    status: text('status').notNull().default('active'),
    /** The marketplace's timestamp of the version we hold; upserts apply only when newer. */
    sourceUpdatedAt: ts('source_updated_at'),
    /** Hash of the synced record, to tell a repeat from a different version with the same timestamp. */
    sourceHash: text('source_hash'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('sellers_country_idx').on(t.country)],
);

/** Commission tier and rate over time: a row is appended whenever either changes. */
export const sellerCommissionRates = pgTable(
  'seller_commission_rates',
  {
    sellerId: text('seller_id')
      .notNull()
      .references(() => sellers.id),
    tier: text('tier').notNull(),
    rateBps: integer('rate_bps').notNull(),
    effectiveFrom: ts('effective_from').notNull(),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.effectiveFrom] })],
);

export const buyers = pgTable('buyers', {
  id: text('id').primaryKey(),
  name: text('name'),
  email: text('email'),
  country: text('country'),
  sourceUpdatedAt: ts('source_updated_at'),
  sourceHash: text('source_hash'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const listings = pgTable(
  'listings',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').references(() => sellers.id),
    title: text('title'),
    /** furniture | lighting | art | jewelry | watches | other */
    category: text('category'),
    priceMinor: bigint('price_minor', { mode: 'number' }),
    currency: text('currency'),
    /** active | on_hold | sold | removed — the latest by the marketplace's own timestamps. */
    status: text('status').notNull().default('active'),
    period: text('period'),
    materials: text('materials'),
    dimensions: text('dimensions'),
    /** When the marketplace says the listing was created. */
    listedAt: ts('listed_at'),
    sourceUpdatedAt: ts('source_updated_at'),
    sourceHash: text('source_hash'),
    /** Time of the status (and price) observation the current value comes from. */
    statusChangedAt: ts('status_changed_at'),
    priceChangedAt: ts('price_changed_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('listings_seller_idx').on(t.sellerId)],
);

/**
 * Status and price history of listings: marketplace events (`source = 'event'`, id = the event id)
 * and changes seen in listing syncs (`source = 'sync'`, id generated).
 */
export const listingEvents = pgTable(
  'listing_events',
  {
    id: text('id').primaryKey(),
    listingId: text('listing_id')
      .notNull()
      .references(() => listings.id),
    /** status_changed | price_changed */
    type: text('type').notNull(),
    status: text('status'),
    priceMinor: bigint('price_minor', { mode: 'number' }),
    currency: text('currency'),
    occurredAt: ts('occurred_at').notNull(),
    source: text('source').notNull(),
    payloadHash: text('payload_hash').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [index('listing_events_listing_idx').on(t.listingId, t.occurredAt)],
);

/** Orders as created by `order.created`; status from the latest cancel/refund event. */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    listingId: text('listing_id')
      .notNull()
      .references(() => listings.id),
    buyerId: text('buyer_id')
      .notNull()
      .references(() => buyers.id),
    sellerId: text('seller_id')
      .notNull()
      .references(() => sellers.id),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** created | cancelled | refunded */
    status: text('status').notNull(),
    createdAt: ts('created_at').notNull(),
    statusAt: ts('status_at').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [index('orders_listing_idx').on(t.listingId), index('orders_seller_idx').on(t.sellerId), index('orders_buyer_idx').on(t.buyerId)],
);

/**
 * Every order event as received. An `order.cancelled` that arrives before its `order.created` waits
 * here and is applied when the order arrives.
 */
export const orderEvents = pgTable(
  'order_events',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    /** order.created | order.cancelled | order.refunded */
    type: text('type').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    payloadHash: text('payload_hash').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.occurredAt)],
);

/**
 * Created by the first stored message that names it, so it always has at least one message. Only
 * single-column indexes beside the key: the counters and first/last times change with every batch,
 * and leaving them out of every index keeps those updates HOT (no index writes).
 */
export const conversations = pgTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    buyerId: text('buyer_id')
      .notNull()
      .references(() => buyers.id),
    sellerId: text('seller_id')
      .notNull()
      .references(() => sellers.id),
    listingId: text('listing_id').references(() => listings.id),
    firstMessageAt: ts('first_message_at'),
    lastMessageAt: ts('last_message_at'),
    messageCount: integer('message_count').notNull().default(0),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('conversations_seller_idx').on(t.sellerId), index('conversations_buyer_idx').on(t.buyerId), index('conversations_listing_idx').on(t.listingId)],
);

export const messages = pgTable(
  'messages',
  {
    /** The marketplace's message id: the idempotency key of ingest. */
    id: text('id').primaryKey(),
    /*
     * No foreign key on purpose: ingest writes a message and its conversation in the same
     * transaction, and a per-row referential check measured about a quarter of the insert's cost.
     */
    conversationId: text('conversation_id').notNull(),
    /** buyer | seller */
    senderRole: text('sender_role').notNull(),
    body: text('body').notNull(),
    /** sha256 of the body: a repeat with the same id and hash is a duplicate, a different hash a conflict. */
    bodyHash: text('body_hash').notNull(),
    sentAt: ts('sent_at').notNull(),
    lang: text('lang'),
    receivedAt: ts('received_at').notNull(),
    /** Filled by detection. */
    scan: jsonb('scan'),
    ruleSetVersion: text('rule_set_version'),
  },
  (t) => [index('messages_conversation_idx').on(t.conversationId, t.sentAt), index('messages_sent_idx').on(t.sentAt)],
);

/** One row per ingest batch (the batch is audited once, never per item). */
export const ingestBatches = pgTable('ingest_batches', {
  id: text('id').primaryKey(),
  /** messages | events | sellers | buyers | listings */
  kind: text('kind').notNull(),
  actorType: text('actor_type').notNull(),
  actorId: text('actor_id').notNull(),
  received: integer('received').notNull(),
  stored: integer('stored').notNull(),
  updated: integer('updated').notNull(),
  duplicates: integer('duplicates').notNull(),
  stale: integer('stale').notNull(),
  conflicts: integer('conflicts').notNull(),
  rejected: integer('rejected').notNull(),
  at: ts('at').notNull(),
});
