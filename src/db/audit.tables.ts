import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Hash-chained audit trail: ids, hashes and field names only, never personal data. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: text('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    dataHash: text('data_hash').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectType, t.subjectId)],
);

/**
 * Entries written by state changes, committed with them but not yet linked into the chain. The sealer
 * links them in batches (one lock, one commit per batch), so writers never wait on the chain's lock.
 */
export const auditPending = pgTable('audit_pending', {
  pos: bigserial('pos', { mode: 'number' }).primaryKey(),
  id: text('id').notNull().unique(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  actorType: text('actor_type').notNull(),
  actorId: text('actor_id').notNull(),
  action: text('action').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  fields: jsonb('fields').$type<string[]>().notNull(),
  dataHash: text('data_hash').notNull(),
});

/** One row: the chain's head, locked while an entry is appended so the chain stays linear. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** Who read what (conversations and other personal data); kept apart from the chain. */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id').notNull(),
  },
  (t) => [index('access_log_resource_idx').on(t.resourceType, t.resourceId, t.at)],
);

/** Transactional outbox: written with the change, delivered later by the relay. */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: text('id').notNull().unique(),
    type: text('type').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    relayedAt: timestamp('relayed_at', { withTimezone: true, mode: 'date' }),
    /**
     * An email (`eml_…`) that must be sent before the event goes out to webhooks: a restriction is
     * announced only once the dealer's statement of reasons has left (P2B). Null for most events.
     */
    afterEmailId: text('after_email_id'),
  },
  (t) => [index('outbox_events_pending_idx').on(t.seq).where(sql`${t.relayedAt} IS NULL`)],
);
