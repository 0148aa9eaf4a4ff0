import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A confirmed breach of a clause by a seller: a strike on the ladder until it expires or is overturned. */
export const violations = pgTable(
  'violations',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    clauseId: text('clause_id').notNull(),
    /** The policy version the clause was taken from, with its title and text as they read then. */
    policyVersion: integer('policy_version').notNull(),
    clauseTitle: text('clause_title').notNull(),
    clauseText: text('clause_text').notNull(),
    /** standard | severe */
    severity: text('severity').notNull(),
    caseId: text('case_id').notNull(),
    conversationId: text('conversation_id'),
    messageIds: jsonb('message_ids').$type<string[]>().notNull(),
    /** Short excerpts as the reviewer chose them (already masked where needed), and their hash. */
    excerpts: jsonb('excerpts').$type<string[]>().notNull(),
    excerptsSha256: text('excerpts_sha256').notNull(),
    decidedBy: text('decided_by').notNull(),
    automatedDetection: boolean('automated_detection').notNull(),
    automatedDecision: boolean('automated_decision').notNull(),
    /** Index on the ladder, and the step's name when it was reached (the ladder is configurable). */
    step: integer('step').notNull(),
    stepName: text('step_name').notNull(),
    decidedAt: ts('decided_at').notNull(),
    strikeExpiresAt: ts('strike_expires_at').notNull(),
    /** active | overturned */
    status: text('status').notNull(),
    overturnedAt: ts('overturned_at'),
    overturnedBy: text('overturned_by'),
  },
  (t) => [index('violations_seller_idx').on(t.sellerId, t.decidedAt), index('violations_case_idx').on(t.caseId)],
);

/** What a restriction step does to a seller, from when, until when, and whether an appeal lifted it. */
export const restrictions = pgTable(
  'restrictions',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    violationId: text('violation_id')
      .notNull()
      .references(() => violations.id),
    kind: text('kind').notNull(),
    appliedAt: ts('applied_at').notNull(),
    effectiveAt: ts('effective_at').notNull(),
    endsAt: ts('ends_at'),
    liftedAt: ts('lifted_at'),
    liftedBy: text('lifted_by'),
  },
  (t) => [index('restrictions_seller_idx').on(t.sellerId), index('restrictions_violation_idx').on(t.violationId)],
);

/** An appeal against a violation; the case (type `appeal`) carries the work, this row the outcome. */
export const appeals = pgTable(
  'appeals',
  {
    caseId: text('case_id').primaryKey(),
    violationId: text('violation_id')
      .notNull()
      .references(() => violations.id),
    sellerId: text('seller_id').notNull(),
    reason: text('reason').notNull(),
    filedByType: text('filed_by_type').notNull(),
    filedById: text('filed_by_id').notNull(),
    filedAt: ts('filed_at').notNull(),
    /** upheld | overturned | withdrawn (by the seller); null while open. */
    outcome: text('outcome'),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at'),
    note: text('note'),
  },
  // one open appeal per violation, whatever races
  (t) => [uniqueIndex('appeals_one_open_idx').on(t.violationId).where(sql`outcome IS NULL`), index('appeals_seller_idx').on(t.sellerId), index('appeals_filed_idx').on(t.filedAt)],
);

/** Every notice sent to a seller, exactly as sent. */
export const notices = pgTable(
  'notices',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    violationId: text('violation_id')
      .notNull()
      .references(() => violations.id),
    appealCaseId: text('appeal_case_id'),
    /** education … termination, appeal_received, appeal_upheld, appeal_overturned */
    kind: text('kind').notNull(),
    step: integer('step'),
    lang: text('lang').notNull(),
    toEmail: text('to_email'),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** The DSA Art. 17 statement of reasons (ladder steps). */
    sor: jsonb('sor'),
    /** The queued email (`eml_…`); null when the seller has no address or mail is not configured. */
    emailId: text('email_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('notices_seller_idx').on(t.sellerId, t.createdAt), index('notices_violation_idx').on(t.violationId), index('notices_created_idx').on(t.createdAt)],
);
