import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The review side of a `conversation_review` case: which conversation it is about and what detection
 * found so far. At most one open row per conversation (partial unique index), so concurrent ingest
 * batches on one conversation end with a single open case.
 */
export const reviewCases = pgTable(
  'review_cases',
  {
    caseId: text('case_id').primaryKey(),
    conversationId: text('conversation_id').notNull(),
    sellerId: text('seller_id').notNull(),
    buyerId: text('buyer_id').notNull(),
    open: boolean('open').notNull(),
    /** The conversation's dominant message language, `und` when unknown. */
    lang: text('lang').notNull(),
    maxScore: real('max_score').notNull(),
    kinds: jsonb('kinds').$type<string[]>().notNull(),
    rules: jsonb('rules').$type<string[]>().notNull(),
    messageIds: jsonb('message_ids').$type<string[]>().notNull(),
    firstFlaggedAt: tstz('first_flagged_at').notNull(),
    lastFlaggedAt: tstz('last_flagged_at').notNull(),
  },
  (t) => [
    uniqueIndex('review_cases_one_open_idx').on(t.conversationId).where(sql`${t.open}`),
    index('review_cases_seller_idx').on(t.sellerId, t.open),
    index('review_cases_open_lang_idx').on(t.open, t.lang),
  ],
);

/**
 * The reviewer holding a case. `fence` grows with every claim, so a token from an earlier claim can
 * never act again (fencing), even after the same reviewer claims the case anew.
 */
export const reviewLeases = pgTable('review_leases', {
  caseId: text('case_id').primaryKey(),
  fence: bigint('fence', { mode: 'number' }).notNull(),
  token: text('token').notNull(),
  reviewerId: text('reviewer_id').notNull(),
  reviewerKind: text('reviewer_kind').notNull(),
  vendorOrgId: text('vendor_org_id'),
  claimedAt: tstz('claimed_at').notNull(),
  expiresAt: tstz('expires_at').notNull(),
  releasedAt: tstz('released_at'),
});

/**
 * Every decision and every vendor recommendation. A recommendation (`recommendation` true) waits for
 * a senior: `confirmed_by` or `reversed_by` records the outcome (vendor agreement is counted from these).
 */
export const reviewDecisions = pgTable(
  'review_decisions',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    sellerId: text('seller_id').notNull(),
    buyerId: text('buyer_id').notNull(),
    reviewerId: text('reviewer_id').notNull(),
    reviewerRole: text('reviewer_role').notNull(),
    vendorOrgId: text('vendor_org_id'),
    /** violation | no_violation | escalate */
    decision: text('decision').notNull(),
    clauseId: text('clause_id'),
    reason: text('reason'),
    note: text('note'),
    rules: jsonb('rules').$type<string[]>().notNull(),
    ruleSetVersion: text('rule_set_version'),
    automated: boolean('automated').notNull(),
    recommendation: boolean('recommendation').notNull(),
    /** The decision a confirmation applied (for a recommendation: the senior's). */
    confirmedBy: text('confirmed_by'),
    reversedBy: text('reversed_by'),
    resolvedAt: tstz('resolved_at'),
    resolvedDecisionId: text('resolved_decision_id'),
    at: tstz('at').notNull(),
    fence: integer('fence'),
  },
  (t) => [
    index('review_decisions_case_idx').on(t.caseId, t.at),
    index('review_decisions_seller_idx').on(t.sellerId, t.at),
    index('review_decisions_pair_idx').on(t.sellerId, t.buyerId),
    index('review_decisions_vendor_idx').on(t.vendorOrgId, t.at),
    index('review_decisions_at_idx').on(t.at),
  ],
);

/** Flagged messages that scored below the auto-clear threshold: counted, no case opened. */
export const reviewAutoCleared = pgTable(
  'review_auto_cleared',
  {
    messageId: text('message_id').primaryKey(),
    conversationId: text('conversation_id').notNull(),
    score: real('score').notNull(),
    rules: jsonb('rules').$type<string[]>().notNull(),
    at: tstz('at').notNull(),
  },
  (t) => [index('review_auto_cleared_at_idx').on(t.at)],
);
