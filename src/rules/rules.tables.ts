import { sql } from 'drizzle-orm';
import { boolean, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

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
