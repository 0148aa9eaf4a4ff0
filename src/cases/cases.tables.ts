import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Raw bytes; node-postgres hands back a Buffer, PGlite a Uint8Array: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One case of any registered type. `version` increases with every change (optimistic locking). */
export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    /** 1 (most urgent) … 4. */
    priority: smallint('priority').notNull(),
    queue: text('queue').notNull(),
    assigneeId: text('assignee_id'),
    sellerId: text('seller_id'),
    buyerId: text('buyer_id'),
    listingId: text('listing_id'),
    orderId: text('order_id'),
    conversationId: text('conversation_id'),
    messageId: text('message_id'),
    title: text('title').notNull(),
    /** Key of the business calendar the SLA runs on, e.g. `GB` or `US-NY`. */
    jurisdiction: text('jurisdiction').notNull(),
    slaDueAt: tstz('sla_due_at').notNull(),
    firstResponseDueAt: tstz('first_response_due_at').notNull(),
    firstResponseAt: tstz('first_response_at'),
    openedAt: tstz('opened_at').notNull(),
    closedAt: tstz('closed_at'),
    updatedAt: tstz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
    /** The client's Idempotency-Key of the request that opened the case. */
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    uniqueIndex('cases_idempotency_key_idx').on(t.idempotencyKey),
    index('cases_opened_idx').on(t.openedAt, t.id),
    index('cases_sla_idx').on(t.slaDueAt, t.id),
    index('cases_priority_idx').on(t.priority, t.id),
    index('cases_queue_idx').on(t.queue, t.openedAt),
    index('cases_type_status_idx').on(t.type, t.status),
    index('cases_assignee_idx').on(t.assigneeId),
    index('cases_open_idx').on(t.queue, t.slaDueAt).where(sql`${t.closedAt} IS NULL`),
    index('cases_closed_idx').on(t.closedAt).where(sql`${t.closedAt} IS NOT NULL`),
    index('cases_seller_idx').on(t.sellerId),
    index('cases_buyer_idx').on(t.buyerId),
    index('cases_listing_idx').on(t.listingId),
    index('cases_order_idx').on(t.orderId),
    index('cases_conversation_idx').on(t.conversationId),
    index('cases_message_idx').on(t.messageId),
  ],
);

/** Everything that happened to a case, in order: the console's timeline. */
export const caseTimeline = pgTable(
  'case_timeline',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    at: tstz('at').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id').notNull(),
    /** created | transition | note | evidence | assignment | priority */
    kind: text('kind').notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [index('case_timeline_case_idx').on(t.caseId, t.at, t.id)],
);

export const caseNotes = pgTable(
  'case_notes',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    authorType: text('author_type').notNull(),
    authorId: text('author_id').notNull(),
    body: text('body').notNull(),
    at: tstz('at').notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.at)],
);

export const caseEvidence = pgTable(
  'case_evidence',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    addedByType: text('added_by_type').notNull(),
    addedById: text('added_by_id').notNull(),
    at: tstz('at').notNull(),
  },
  (t) => [index('case_evidence_case_idx').on(t.caseId, t.at)],
);

/** Which vendor organisations may work a queue; vendor reviewers see only these queues. */
export const queueGrants = pgTable(
  'queue_grants',
  {
    queue: text('queue').notNull(),
    vendorOrgId: text('vendor_org_id').notNull(),
    grantedAt: tstz('granted_at').notNull(),
    grantedByType: text('granted_by_type').notNull(),
    grantedById: text('granted_by_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.queue, t.vendorOrgId] }), index('queue_grants_org_idx').on(t.vendorOrgId)],
);
