import { bigint, boolean, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/*
 * Analytics owns these tables and nothing else. It reads the marketplace's tables only through the
 * `analytics_src_*` views its migration defines (see the end of the migration that creates these
 * tables): a view is a read-only contract, so a change on the marketplace's side shows up in one
 * place, and analytics can never write the marketplace's rows.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One row per conversation, maintained incrementally — the source of truth of every count in the
 * report. A refresh rewrites only the conversations that changed: new conversations and new messages
 * (the message facts), and conversations whose pair of parties got a new order or whose listing got a
 * new status change (the outcome facts). Looking through every message's stored scan is done once per
 * message, not once per report.
 */
export const analyticsConversationFacts = pgTable(
  'analytics_conversation_facts',
  {
    conversationId: text('conversation_id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    buyerId: text('buyer_id').notNull(),
    listingId: text('listing_id'),
    firstMessageAt: ts('first_message_at'),
    lastMessageAt: ts('last_message_at'),
    /** The conversation's message count when this row was computed: the refresh's change detector. */
    messageCount: integer('message_count').notNull(),
    /** The first message whose stored scan has a contact hit (phone, email, url, handle, iban, payment). */
    contactAt: ts('contact_at'),
    contactMessageId: text('contact_message_id'),
    /** Distinct contact hit kinds in the conversation, comma-separated and sorted, e.g. `email,phone`. */
    contactKinds: text('contact_kinds'),
    /** An order from the buyer to the seller within the conversion days after the first message. */
    converted: boolean('converted').notNull().default(false),
    /** With a contact exchange: sold | removed | on_hold, the listing's first such change within N days after it. */
    listingStatus: text('listing_status'),
    statusChangedAt: ts('status_changed_at'),
    /** With a contact exchange: orders between the two parties from the first message until N days after it. */
    ordersBetween: integer('orders_between').notNull().default(0),
    /** With a contact exchange: 0..1, how strongly this conversation looks like a sale taken off the platform. */
    score: doublePrecision('score'),
  },
  (t) => [
    index('analytics_facts_seller_idx').on(t.sellerId, t.firstMessageAt),
    index('analytics_facts_first_idx').on(t.firstMessageAt),
    index('analytics_facts_parties_idx').on(t.buyerId, t.sellerId),
    index('analytics_facts_listing_idx').on(t.listingId),
  ],
);

/**
 * The facts' counts per seller and week of the first message (week = whole weeks since 1970-01-01 UTC),
 * kept in step with the facts: a refresh subtracts the old facts of the conversations it rewrites and
 * adds the new ones. A report sums the whole weeks inside its window and counts the two partial weeks
 * at its edges from the facts.
 */
export const analyticsSellerWeeks = pgTable(
  'analytics_seller_weeks',
  {
    sellerId: text('seller_id').notNull(),
    week: integer('week').notNull(),
    conversations: integer('conversations').notNull(),
    converted: integer('converted').notNull(),
    contactConversations: integer('contact_conversations').notNull(),
    vanishedListings: integer('vanished_listings').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.week] })],
);

/*
 * The change feed. The marketplace's tables carry no change sequence analytics could index, so a
 * refresh compares small aggregates of the sources with what it saw last time: per seller the number
 * of conversations and messages, per pair of parties the number of orders, per listing the number of
 * status changes. Only the keys whose aggregate moved are looked at further.
 */
export const analyticsSeenSellers = pgTable('analytics_seen_sellers', {
  sellerId: text('seller_id').primaryKey(),
  conversations: bigint('conversations', { mode: 'number' }).notNull(),
  messages: bigint('messages', { mode: 'number' }).notNull(),
});

export const analyticsSeenOrders = pgTable(
  'analytics_seen_orders',
  {
    buyerId: text('buyer_id').notNull(),
    sellerId: text('seller_id').notNull(),
    orders: bigint('orders', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.buyerId, t.sellerId] })],
);

export const analyticsSeenListings = pgTable('analytics_seen_listings', {
  listingId: text('listing_id').primaryKey(),
  statusChanges: bigint('status_changes', { mode: 'number' }).notNull(),
});

/** The ranked report: one row per seller with conversations in the window, replaced by each refresh. */
export const analyticsSellerScores = pgTable(
  'analytics_seller_scores',
  {
    sellerId: text('seller_id').primaryKey(),
    rank: integer('rank').notNull(),
    name: text('name'),
    country: text('country'),
    /** The category most of the seller's listings are in. */
    category: text('category'),
    /** `category_country`, `category` or `all`: the narrowest group with enough sellers to compare with. */
    peerLevel: text('peer_level').notNull(),
    peerSize: integer('peer_size').notNull(),
    conversations: integer('conversations').notNull(),
    converted: integer('converted').notNull(),
    contactConversations: integer('contact_conversations').notNull(),
    /** Contact conversations whose listing went sold / removed / on_hold within N days with no order between the two. */
    vanishedListings: integer('vanished_listings').notNull(),
    conversionRate: doublePrecision('conversion_rate').notNull(),
    conversionPercentile: doublePrecision('conversion_percentile').notNull(),
    conversionZ: doublePrecision('conversion_z').notNull(),
    contactShare: doublePrecision('contact_share').notNull(),
    contactPercentile: doublePrecision('contact_percentile').notNull(),
    contactZ: doublePrecision('contact_z').notNull(),
    vanishedRate: doublePrecision('vanished_rate').notNull(),
    vanishedPercentile: doublePrecision('vanished_percentile').notNull(),
    vanishedZ: doublePrecision('vanished_z').notNull(),
    riskScore: doublePrecision('risk_score').notNull(),
  },
  (t) => [index('analytics_scores_rank_idx').on(t.rank)],
);

/** The last refresh (one row, id `off-platform`). */
export const analyticsRefreshes = pgTable('analytics_refreshes', {
  id: text('id').primaryKey(),
  refreshedAt: ts('refreshed_at').notNull(),
  windowFrom: ts('window_from').notNull(),
  windowTo: ts('window_to').notNull(),
  windowDays: integer('window_days').notNull(),
  statusChangeDays: integer('status_change_days').notNull(),
  conversionDays: integer('conversion_days').notNull(),
  factsUpdated: bigint('facts_updated', { mode: 'number' }).notNull(),
  sellers: integer('sellers').notNull(),
  durationMs: integer('duration_ms').notNull(),
});
