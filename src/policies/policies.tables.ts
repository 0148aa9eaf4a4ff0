import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** A policy document (the knowledge base's unit): its slug and the title of its latest version. */
export const policyDocuments = pgTable('policy_documents', {
  slug: text('slug').primaryKey(),
  title: text('title').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * One published version of a document. Versions are never edited: a citation made under version N
 * keeps resolving to N's text. The version in force at a time is the highest whose effective_from
 * is at or before it.
 */
export const policyVersions = pgTable(
  'policy_versions',
  {
    slug: text('slug')
      .notNull()
      .references(() => policyDocuments.slug),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    effectiveFrom: timestamp('effective_from', { withTimezone: true, mode: 'date' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** `type:id` of the actor who published it (`system:assay` for the seeded text). */
    publishedBy: text('published_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.slug, t.version] })],
);

/** Every clause of every version, in document order. Clause ids are stable across versions. */
export const policyClauses = pgTable(
  'policy_clauses',
  {
    slug: text('slug').notNull(),
    version: integer('version').notNull(),
    clauseId: text('clause_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.slug, t.version, t.clauseId] }),
    foreignKey({ name: 'policy_clauses_version_fk', columns: [t.slug, t.version], foreignColumns: [policyVersions.slug, policyVersions.version] }),
    index('policy_clauses_clause_idx').on(t.clauseId, t.version),
  ],
);
