import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Detection rule sets, one row per version, stored as the JSON an operator wrote. At most one is
 * active; with none active the process scans with the rule set checked in with the code.
 */
export const ruleSets = pgTable(
  'rule_sets',
  {
    version: text('version').primaryKey(),
    body: jsonb('body').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: text('created_by').notNull(),
    active: boolean('active').notNull().default(false),
    activatedAt: timestamp('activated_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('rule_sets_one_active_idx').on(t.active).where(sql`${t.active}`)],
);

/** The kill switch: a rule switched off is dropped from every scan, whatever the rule-set version. */
export const ruleSwitches = pgTable('rule_switches', {
  ruleId: text('rule_id').primaryKey(),
  disabled: boolean('disabled').notNull(),
  reason: text('reason').notNull(),
  changedBy: text('changed_by').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Four eyes: a manager asks to activate a version, another one approves (or rejects) it. */
export const ruleSetActivationRequests = pgTable(
  'rule_set_activation_requests',
  {
    id: text('id').primaryKey(),
    version: text('version').notNull(),
    status: text('status').notNull(),
    reason: text('reason').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decisionNote: text('decision_note'),
  },
  (t) => [index('rule_set_activation_requests_status_idx').on(t.status, t.requestedAt)],
);

/** Every switch of the active rule set, in order: what a rollback goes back along. */
export const ruleSetActivations = pgTable(
  'rule_set_activations',
  {
    seq: integer('seq').generatedAlwaysAsIdentity().primaryKey(),
    /** `builtin` for the checked-in rule set. */
    version: text('version').notNull(),
    previousVersion: text('previous_version').notNull(),
    how: text('how').notNull(),
    requestId: text('request_id'),
    by: text('by').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
);

/** What reviewers decided about each rule's hits on a case (one row per case and rule; the latest decision wins). */
export const ruleOutcomes = pgTable(
  'rule_outcomes',
  {
    caseId: text('case_id').notNull(),
    ruleId: text('rule_id').notNull(),
    outcome: text('outcome').notNull(),
    reviewerId: text('reviewer_id').notNull(),
    vendor: boolean('vendor').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.ruleId] }), index('rule_outcomes_rule_at_idx').on(t.ruleId, t.decidedAt)],
);

/** How often each rule fired per day (shadow rules too), counted by the scan path a batch at a time. */
export const ruleFirings = pgTable(
  'rule_firings',
  {
    day: date('day', { mode: 'string' }).notNull(),
    ruleId: text('rule_id').notNull(),
    shadow: boolean('shadow').notNull(),
    hits: integer('hits').notNull(),
    messages: integer('messages').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.ruleId, t.shadow] })],
);

/** Automatic violations issued, for the circuit breaker's sliding hour. */
export const automaticViolations = pgTable(
  'automatic_violations',
  {
    caseId: text('case_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    rules: jsonb('rules').notNull(),
  },
  (t) => [index('automatic_violations_at_idx').on(t.at)],
);

/** The circuit breaker of automatic violations: one row; open = paused. */
export const automationCircuit = pgTable('automation_circuit', {
  id: text('id').primaryKey(),
  open: boolean('open').notNull(),
  openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }),
  reason: text('reason'),
  closedBy: text('closed_by'),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
});
